package org.movierec.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;

/**
 * Takes the README's screenshots of the web page (not run by the build): a server of a real model must be running.
 * Run from {@code movierec-app} after {@code ./mvnw -o install -DskipTests}:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat target/test.classpath) \
 *     org.movierec.server.WebScreenshots http://127.0.0.1:18437 ../docs/screenshots
 * </pre>
 *
 * (the class path from {@code ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile=target/test.classpath}). The
 * server should serve a fresh copy of the model: the screenshots rate movies as a new user.
 */
public final class WebScreenshots {
  private static final int WIDTH = 1280;
  private static final int HEIGHT = 900;

  private WebScreenshots() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: WebScreenshots BASE_URL OUTPUT_DIR");
      System.exit(2);
    }
    String base = args[0];
    Path out = Files.createDirectories(Path.of(args[1]));
    try (WebBrowser browser = WebBrowser.start(WIDTH, HEIGHT)) {
      // The window's frame takes some of its height: grow it so that the page itself is WIDTH x HEIGHT.
      long frame = (Long) browser.driver.executeScript("return window.outerHeight - window.innerHeight");
      browser.driver.manage().window().setSize(new Dimension(WIDTH, HEIGHT + (int) frame));
      WebPage page = new WebPage(browser.driver, base).open();
      page.choose("age", "2");
      page.choose("gender", "F");
      page.choose("job", "12");
      page.waitFor(WebPage.RECOMMENDATIONS, "/api/recommendations?age=2&gender=F&job=12&k=10");
      save(browser, out.resolve("web-new-user.png"));

      // A fan of 1990s animation and comedy: Toy Story, Aladdin, Groundhog Day; not Titanic.
      rate(page, "Toy Story", 1, 5, 1);
      int user = page.userId();
      rate(page, "Aladdin", 588, 5, 2);
      rate(page, "Groundhog Day", 1265, 4, 3);
      rate(page, "Titanic", 1721, 2, 4);
      page.type("search-input", "");
      page.click("show-popular");
      page.waitFor(WebPage.RATE_LIST, "/api/movies/popular?age=2&gender=F&job=12&limit=12");
      page.waitForRecommendations("/api/users/" + user + "/recommendations?k=10", 4);
      save(browser, out.resolve("web-rated-because.png"));

      List<Integer> shown = page.shownIds(WebPage.RECOMMENDATIONS);
      page.openTitle(WebPage.RECOMMENDATIONS, shown.get(0));
      page.waitFor(WebPage.SIMILAR, "/api/movies/" + shown.get(0) + "/similar?k=10");
      save(browser, out.resolve("web-similar.png"));
    }
  }

  private static void rate(WebPage page, String title, int movieId, int stars, int ratings) {
    page.type("search-input", title);
    page.click("search-button");
    page.waitFor(WebPage.RATE_LIST, "/api/movies?q=" + title.replace(' ', '+') + "&limit=12");
    page.rate(WebPage.RATE_LIST, movieId, stars);
    int user = page.userId();
    page.waitForRecommendations("/api/users/" + user + "/recommendations?k=10", ratings);
  }

  private static void save(WebBrowser browser, Path file) throws IOException {
    Files.write(file, browser.driver.getScreenshotAs(OutputType.BYTES));
    System.out.println("saved " + file);
  }
}
