package org.movierec.recommend;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.movierec.data.SeenMovies;
import org.movierec.data.User;
import org.movierec.index.ItemFilter;
import org.movierec.index.Neighbor;
import org.movierec.index.VectorIndex;
import org.movierec.index.VectorQuery;
import org.movierec.model.Catalog;
import org.movierec.model.TwoTowerModel;
import org.movierec.data.UserProfile;
import org.movierec.data.Movie;

/**
 * Recommends by vector search: the user's unit vector from the model's user tower, searched by inner product among
 * the unit movie vectors of the index. Inner product of unit vectors is the cosine, and predicted stars grow with the
 * cosine, so the order is the model's own order of predicted ratings. Safe from many threads when the index is.
 */
public final class EmbeddingRecommender implements Recommender {
  private final TwoTowerModel model;
  private final Catalog catalog;
  private final SeenMovies seen;
  private final VectorIndex index;

  public EmbeddingRecommender(TwoTowerModel model, Catalog catalog, SeenMovies seen, VectorIndex index) {
    this.model = Objects.requireNonNull(model, "model");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.seen = Objects.requireNonNull(seen, "seen");
    this.index = Objects.requireNonNull(index, "index");
  }

  /** The unit vector the index is searched with for this user. */
  public float[] userVector(User user) {
    return model.queryVector(UserProfile.of(user));
  }

  @Override
  public List<Recommendation> recommend(RecommendRequest request) {
    User user = request.user();
    ItemFilter filter = request.filter();
    int[] rated = user.isNew() ? new int[0] : seen.moviesOf(user.id());
    if (rated.length > 0) {
      Set<Integer> excluded = new HashSet<>(filter.excludedIds());
      for (int id : rated) {
        excluded.add(id);
      }
      filter = new ItemFilter(excluded, filter.genres(), filter.minYear(), filter.maxYear());
    }
    List<Neighbor> hits = index.search(new VectorQuery(userVector(user), request.k(), filter));
    List<Recommendation> out = new ArrayList<>(hits.size());
    Movie[] movies = hits.stream().map(n -> catalog.movie(n.movieId())).toArray(Movie[]::new);
    float[] stars = new float[movies.length];
    model.predictStars(UserProfile.of(user), movies, stars);
    for (int i = 0; i < movies.length; i++) {
      out.add(new Recommendation(i + 1, movies[i], hits.get(i).score(), stars[i]));
    }
    return out;
  }
}
