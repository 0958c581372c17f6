package org.movierec.server;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.movierec.cli.TrainedFixture;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven by its chromedriver, both at fixed paths so that Selenium Manager never runs (it
 * would look for, and download, a browser and a driver), with Chromium's own network chatter turned off: the machine
 * has no way out, and a browser retrying its update and sync servers slows every test beside it. A fresh profile in a
 * temporary directory, deleted on {@link #close()}.
 */
final class WebBrowser implements AutoCloseable {
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  /** What to install when the browser is missing, in the message of a failed or skipped test. */
  static final String INSTALL = "apt-get install -y --no-install-recommends chromium chromium-driver";

  /**
   * Selenium warns that it has no DevTools classes for this Chromium version; the tests use WebDriver only. Held here
   * so that the setting outlives garbage collection of the logger.
   */
  private static final Logger DEVTOOLS_LOG = Logger.getLogger("org.openqa.selenium.devtools");

  static {
    DEVTOOLS_LOG.setLevel(Level.SEVERE);
  }

  final ChromeDriver driver;
  private final Path profile;

  private WebBrowser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /** Why the browser cannot run on this machine, or null when it can. */
  static String missing() {
    List<String> absent = new ArrayList<>();
    for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
      if (!Files.isExecutable(p)) {
        absent.add(p.toString());
      }
    }
    return absent.isEmpty() ? null : "no " + String.join(" and no ", absent) + " (" + INSTALL + ")";
  }

  /** A headless browser with a window of this size. */
  static WebBrowser start(int width, int height) {
    Path profile;
    try {
      profile = Files.createTempDirectory("movierec-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-extensions", "--disable-default-apps",
        "--metrics-recording-only", "--hide-scrollbars", "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
        .usingAnyFreePort()
        .withSilent(true)
        .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(width, height));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return new WebBrowser(driver, profile);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      TrainedFixture.deleteRecursively(profile);
    }
  }
}
