package org.movierec.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.movierec.data.Genre;
import org.movierec.data.User;
import org.movierec.recommend.Recommendation;

/**
 * How recommendations look: the original demo's table (rank, movie id, title, score) with the predicted rating beside
 * it, for people; plain records for {@code --json}, for machines.
 */
final class RecommendationTable {
  /** Longer titles are shortened in the middle, keeping the year: {@code "Dr. Strangelove or: How I ... (1963)"}. */
  static final int MAX_TITLE = 50;

  private static final Pattern YEAR_SUFFIX = Pattern.compile("\\s*\\(\\d{4}\\)$");

  private RecommendationTable() {}

  /** A caption line, then the table; a note instead of the table when there is nothing to show. */
  static void print(PrintWriter out, String caption, List<Recommendation> recommendations) {
    out.println(caption);
    if (recommendations.isEmpty()) {
      out.println("  (no movie passes the filters)");
      return;
    }
    int titleWidth = "title".length();
    for (Recommendation r : recommendations) {
      titleWidth = Math.max(titleWidth, Math.min(MAX_TITLE, r.movie().title().length()));
    }
    String row = "%4s  %8s  %-" + titleWidth + "s  %6s  %5s%n";
    out.printf(Locale.ROOT, row, "rank", "movie id", "title", "score", "stars");
    for (Recommendation r : recommendations) {
      out.printf(Locale.ROOT, row, r.rank(), r.movie().id(), shorten(r.movie().title(), MAX_TITLE),
          String.format(Locale.ROOT, "%.4f", r.score()),
          Float.isNaN(r.predictedStars()) ? "-" : String.format(Locale.ROOT, "%.2f", r.predictedStars()));
    }
  }

  /** The title cut to {@code max} characters, keeping a trailing {@code (year)} and marking the cut with "...". */
  static String shorten(String title, int max) {
    if (title.length() <= max) {
      return title;
    }
    Matcher m = YEAR_SUFFIX.matcher(title);
    String suffix = m.find() ? title.substring(m.start()) : "";
    int keep = Math.max(1, max - suffix.length() - 3);
    return title.substring(0, keep).stripTrailing() + "..." + suffix;
  }

  /** "female, under 18, K-12 student". */
  static String demographics(User user) {
    return user.gender().label() + ", " + user.age().label() + ", " + user.occupation().label();
  }

  /** "F, under 18, K-12 student". */
  static String shortDemographics(User user) {
    return user.gender().name() + ", " + user.age().label() + ", " + user.occupation().label();
  }

  /** One recommended movie for {@code --json}. */
  record Row(int rank, int movieId, String title, int year, List<String> genres, float score,
      Float predictedStars) {
    static Row of(Recommendation r) {
      return new Row(r.rank(), r.movie().id(), r.movie().title(), r.movie().year(),
          r.movie().sortedGenres().stream().map(Genre::label).toList(), r.score(),
          Float.isNaN(r.predictedStars()) ? null : r.predictedStars());
    }
  }

  static List<Row> rows(List<Recommendation> recommendations) {
    return recommendations.stream().map(Row::of).toList();
  }

  /**
   * One user's recommendations for {@code --users-file --json}.
   *
   * @param userId the id on the line of the file
   * @param newUser whether the model treated the user as new (the id is not one it knows)
   * @param ratingsGiven how many ratings of the user the ratings file gave
   */
  record UserRows(int userId, boolean newUser, String gender, String age, String occupation, int ratingsGiven,
      List<Row> recommendations) {
    static UserRows of(AskedUser user, List<Recommendation> recommendations) {
      User asked = user.asked();
      return new UserRows(asked.id(), user.isNewToModel(), asked.gender().name(), asked.age().label(),
          asked.occupation().label(), user.given(), rows(recommendations));
    }
  }
}
