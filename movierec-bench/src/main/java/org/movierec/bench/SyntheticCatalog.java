package org.movierec.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.movierec.index.IndexedMovie;

/**
 * A large catalog shaped like a trained model's: the model's own movies, under their own ids, plus synthetic movies
 * drawn from a Gaussian mixture with one component per real movie. A synthetic movie is a real movie's vector with
 * Gaussian noise added to the movie part (then re-normalised to unit length, as the model's are) and to the folded
 * bias element; the noise has the spread of the real catalog: its norm is, on average, the median distance from a
 * real movie to its nearest real neighbour, and the bias noise a quarter of the real biases' standard deviation. The
 * movie-part noise is either the same in every direction ({@link Noise#ISOTROPIC}) or shaped like the real movies'
 * covariance ({@link Noise#MODEL}).
 * Uniform random vectors would have no structure for a graph to follow; these have the model's. Seeded: the same
 * arguments give the same catalog.
 */
final class SyntheticCatalog {
  private SyntheticCatalog() {}

  /** Summary of the real vectors the synthetic ones are drawn around. */
  record Shape(int dimension, double nearestDistance, double biasMean, double biasStd) {}

  /** Which way a synthetic movie strays from its real one. */
  enum Noise {
    /** The same spread in every direction of the movie part: locally like uniform random vectors, the hard case. */
    ISOTROPIC,
    /**
     * Along the directions the real movies themselves spread (their covariance): the noise is a Gaussian combination
     * of {@value #COMBINED} random real movies' deviations from the real mean, scaled to the same expected norm.
     */
    MODEL;

    static final int COMBINED = 16;
  }

  /**
   * {@code size} movies: the {@code real} ones first (if {@code size} is smaller, a seeded sample of them), then
   * synthetic ones with ids after the largest real id. Every vector is {@code movie part (unit) + bias element}.
   */
  static List<IndexedMovie> of(List<IndexedMovie> real, Shape shape, int size, long seed, Noise noise) {
    SplittableRandom random = new SplittableRandom(seed);
    int dim = shape.dimension();
    int movieDim = dim - 1;
    float[][] centers = new float[real.size()][];
    int maxId = 0;
    for (int i = 0; i < centers.length; i++) {
      centers[i] = real.get(i).vector();
      maxId = Math.max(maxId, real.get(i).movieId());
    }
    List<IndexedMovie> out = new ArrayList<>(size);
    for (int i = 0; i < Math.min(size, real.size()); i++) {
      IndexedMovie m = real.get(i);
      out.add(new IndexedMovie(m.movieId(), centers[i], Set.of(), 0));
    }
    double sigma = shape.nearestDistance() / Math.sqrt(movieDim);
    float[][] deviations = new float[centers.length][movieDim]; // real movie part minus the real mean
    double trace = 0;
    if (noise == Noise.MODEL) {
      double[] mean = new double[movieDim];
      for (float[] c : centers) {
        for (int j = 0; j < movieDim; j++) {
          mean[j] += c[j] / (double) centers.length;
        }
      }
      for (int i = 0; i < centers.length; i++) {
        for (int j = 0; j < movieDim; j++) {
          deviations[i][j] = (float) (centers[i][j] - mean[j]);
          trace += (double) deviations[i][j] * deviations[i][j] / centers.length;
        }
      }
    }
    double modelScale = noise == Noise.MODEL ? shape.nearestDistance() / Math.sqrt(Noise.COMBINED * trace) : 0;
    float[] step = new float[movieDim];
    double biasSigma = shape.biasStd() / 4;
    float[] v = new float[dim];
    for (int id = maxId + 1; out.size() < size; id++) {
      float[] c = centers[random.nextInt(centers.length)];
      if (noise == Noise.MODEL) {
        java.util.Arrays.fill(step, 0f);
        for (int t = 0; t < Noise.COMBINED; t++) {
          float[] d = deviations[random.nextInt(deviations.length)];
          float g = (float) (modelScale * gaussian(random));
          for (int j = 0; j < movieDim; j++) {
            step[j] += g * d[j];
          }
        }
      } else {
        for (int j = 0; j < movieDim; j++) {
          step[j] = (float) (sigma * gaussian(random));
        }
      }
      double norm = 0;
      for (int j = 0; j < movieDim; j++) {
        v[j] = c[j] + step[j];
        norm += (double) v[j] * v[j];
      }
      float inv = (float) (1 / Math.sqrt(norm));
      for (int j = 0; j < movieDim; j++) {
        v[j] *= inv;
      }
      v[movieDim] = (float) (c[movieDim] + biasSigma * gaussian(random));
      out.add(new IndexedMovie(id, v, Set.of(), 0));
    }
    return out;
  }

  /** The spread of the real catalog: exact nearest neighbours by Euclidean distance over the movie parts. */
  static Shape shapeOf(List<IndexedMovie> real) {
    int n = real.size();
    int dim = real.get(0).dimension();
    int movieDim = dim - 1;
    float[][] v = new float[n][];
    double biasSum = 0;
    double biasSq = 0;
    for (int i = 0; i < n; i++) {
      v[i] = real.get(i).vector();
      biasSum += v[i][movieDim];
      biasSq += (double) v[i][movieDim] * v[i][movieDim];
    }
    double[] nearest = new double[n];
    java.util.Arrays.fill(nearest, Double.MAX_VALUE);
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double d = 0;
        for (int x = 0; x < movieDim; x++) {
          double diff = v[i][x] - v[j][x];
          d += diff * diff;
        }
        nearest[i] = Math.min(nearest[i], d);
        nearest[j] = Math.min(nearest[j], d);
      }
    }
    java.util.Arrays.sort(nearest);
    double mean = biasSum / n;
    return new Shape(dim, Math.sqrt(nearest[n / 2]), mean, Math.sqrt(Math.max(0, biasSq / n - mean * mean)));
  }

  private static double gaussian(SplittableRandom random) {
    // Box-Muller on SplittableRandom (java.util.Random's nextGaussian is synchronized and slower)
    double u = 1 - random.nextDouble();
    double w = random.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * w);
  }
}
