package org.movierec.server;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page at {@code /} as a person uses it (choose, rate, search, filter, open), and what it shows, read back
 * from the page. Each list of the page says which request it shows ({@code data-query}) and whether that answer is
 * in ({@code data-state="ready"}): the waits wait for exactly that, never for a time.
 */
final class WebPage {
  static final String RECOMMENDATIONS = "recommendations";
  static final String RATE_LIST = "rate-list";
  static final String SIMILAR = "similar";

  private final WebDriver driver;
  private final String base;
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  WebPage(WebDriver driver, String base) {
    this.driver = driver;
    this.base = base;
  }

  /** Opens the page afresh (a new user) and waits for its first recommendations and movies to rate. */
  WebPage open() {
    driver.get(base + "/");
    waiting(() -> "the page's first lists; recommendations: " + describe(RECOMMENDATIONS))
        .until(d -> state(RECOMMENDATIONS).equals("ready") && state(RATE_LIST).equals("ready"));
    return this;
  }

  void choose(String selectId, String value) {
    new Select(byId(selectId)).selectByValue(value);
  }

  String chosen(String selectId) {
    return new Select(byId(selectId)).getFirstSelectedOption().getDomAttribute("value");
  }

  void type(String inputId, String text) {
    WebElement input = byId(inputId);
    input.clear();
    input.sendKeys(text);
  }

  void click(String id) {
    byId(id).click();
  }

  /** Waits until the list shows the answer to {@code query} (a path with its query string). */
  void waitFor(String list, String query) {
    waiting(() -> list + " to show " + query + "; it shows " + describe(list))
        .until(d -> shows(list, query));
  }

  /** Waits until the recommendations show the answer to {@code query} for a user with this many ratings. */
  void waitForRecommendations(String query, int ratings) {
    String n = Integer.toString(ratings);
    waiting(() -> "recommendations for " + query + " with " + n + " ratings; they show " + describe(RECOMMENDATIONS))
        .until(d -> shows(RECOMMENDATIONS, query) && n.equals(byId(RECOMMENDATIONS).getDomAttribute("data-ratings")));
  }

  /** Whether the list shows the answer to the query; an error answer to it fails at once, with its message. */
  private boolean shows(String list, String query) {
    if (!query.equals(byId(list).getDomAttribute("data-query"))) {
      return false;
    }
    if (state(list).equals("error")) {
      throw new AssertionError(list + " shows an error for " + query + ": " + errorMessage() + " " + errorValid());
    }
    return state(list).equals("ready");
  }

  private String describe(String list) {
    WebElement l = byId(list);
    return l.getDomAttribute("data-query") + " (" + state(list) + ", ratings " + l.getDomAttribute("data-ratings")
        + "), error shown: " + (errorShown() ? errorMessage() : "none");
  }

  /** A wait that reads again what a re-drawn list or line replaced under it. */
  private WebDriverWait waiting(Supplier<String> message) {
    WebDriverWait w = new WebDriverWait(driver, TIMEOUT);
    w.withMessage(message).ignoring(StaleElementReferenceException.class);
    return w;
  }

  private String state(String list) {
    String s = byId(list).getDomAttribute("data-state");
    return s == null ? "" : s;
  }

  /**
   * A movie as a list shows it: the title (without the year, shown apart), the year, the genres, the predicted stars
   * (recommendations), the similarity (similar movies), the "because" movies (recommendations); null or empty where
   * the list shows none.
   */
  record ShownMovie(int movieId, String title, String year, List<String> genres, String stars, String similarity,
      List<Integer> becauseIds, List<String> becauseTitles) {}

  /** The movies a list shows, read in one script (a list re-drawn meanwhile cannot mix two answers). */
  List<ShownMovie> shown(String list) {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript("""
        const text = (li, id) => li.querySelector(`[data-testid="${id}"]`)?.innerText ?? null;
        const all = (li, id) => [...li.querySelectorAll(`[data-testid="${id}"]`)];
        return [...document.getElementById(arguments[0]).children].map((li) => ({
          movieId: li.dataset.movieId,
          title: text(li, 'movie-title'),
          year: text(li, 'movie-year'),
          genres: all(li, 'genre').map((g) => g.innerText),
          stars: text(li, 'predicted-stars'),
          similarity: text(li, 'similarity'),
          becauseIds: all(li, 'because-movie').map((b) => b.dataset.movieId),
          becauseTitles: all(li, 'because-movie').map((b) => b.innerText),
        }));""", list);
    return rows.stream().map(WebPage::shownMovie).toList();
  }

  @SuppressWarnings("unchecked")
  private static ShownMovie shownMovie(Map<String, Object> row) {
    return new ShownMovie(Integer.parseInt((String) row.get("movieId")), (String) row.get("title"),
        (String) row.get("year"), (List<String>) row.get("genres"), (String) row.get("stars"),
        (String) row.get("similarity"),
        ((List<String>) row.get("becauseIds")).stream().map(Integer::parseInt).toList(),
        (List<String>) row.get("becauseTitles"));
  }

  List<Integer> shownIds(String list) {
    return shown(list).stream().map(ShownMovie::movieId).toList();
  }

  /** The stars lit on a movie of a list ("" when the user has not rated it). */
  String ratedStars(String list, int movieId) {
    return movie(list, movieId).findElement(By.cssSelector("[data-testid='stars']")).getDomAttribute("data-rated");
  }

  /** Clicks the star button of a movie in a list. */
  void rate(String list, int movieId, int stars) {
    movie(list, movieId).findElement(By.cssSelector("[data-testid='stars'] button[data-stars='" + stars + "']"))
        .click();
  }

  /** Clicks a movie's title in a list (which opens its similar movies). */
  void openTitle(String list, int movieId) {
    movie(list, movieId).findElement(By.cssSelector("[data-testid='movie-title']")).click();
  }

  private WebElement movie(String list, int movieId) {
    return byId(list).findElement(By.cssSelector("li[data-movie-id='" + movieId + "']"));
  }

  /** The user id the page shows, once it shows one. */
  int userId() {
    return Integer.parseInt(waiting(() -> "a user id shown").until(d -> {
      List<WebElement> id = d.findElements(By.cssSelector("[data-testid='user-id']"));
      return id.isEmpty() ? null : id.get(0).getText();
    }));
  }

  String text(String id) {
    return byId(id).getText();
  }

  boolean errorShown() {
    return byId("error").isDisplayed();
  }

  String errorMessage() {
    return byId("error-message").getText();
  }

  String errorValid() {
    return byId("error-valid").getText();
  }

  /** Waits until an error is shown and returns its message. */
  String waitForError() {
    return waiting(() -> "an error shown").until(d -> errorShown() ? errorMessage() : null);
  }

  WebElement byId(String id) {
    return driver.findElement(By.id(id));
  }
}
