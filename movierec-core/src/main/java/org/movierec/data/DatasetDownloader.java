package org.movierec.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Downloads a {@link DatasetSource} once into a cache directory, checks its size and SHA-256, and unpacks it.
 *
 * <p>A data set is complete when its directory holds a marker file with the archive's SHA-256; the marker is written
 * last, into the unpacked folder before that folder is renamed into place in one atomic step, so a crash never leaves
 * a folder that looks complete. A complete data set is returned without any network access. Not meant to be used by
 * two threads at once; two processes fetching the same data set both end up with the one complete copy.
 */
public final class DatasetDownloader {
  /** The marker file that makes a data set directory complete; it holds the archive's SHA-256. */
  public static final String MARKER_FILE = ".movierec-complete";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
  /** Time allowed until the response headers arrive. */
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);
  private static final int BAR_WIDTH = 30;

  private final Path cacheDir;
  private final PrintStream progressOut;

  /**
   * @param cacheDir where data sets live, one folder each (created when needed)
   * @param progressOut where to draw a progress bar while downloading, or null for silence
   */
  public DatasetDownloader(Path cacheDir, PrintStream progressOut) {
    this.cacheDir = Objects.requireNonNull(cacheDir, "cacheDir");
    this.progressOut = progressOut;
  }

  /** {@code $MOVIEREC_HOME/datasets} when that variable is set, otherwise {@code ~/.movierec/datasets}. */
  public static Path defaultCacheDir() {
    String home = System.getenv("MOVIEREC_HOME");
    if (home != null && !home.isBlank()) {
      return Path.of(home, "datasets");
    }
    return Path.of(System.getProperty("user.home"), ".movierec", "datasets");
  }

  /**
   * The directory holding the unpacked data set ({@code cacheDir/NAME}), downloading and unpacking it first unless a
   * complete copy is already there.
   *
   * @throws IOException if the download fails or is corrupt, or the archive cannot be unpacked; the message names the
   *     URL and suggests {@code --data DIR}. Nothing partial is left in the cache.
   */
  public Path fetch(DatasetSource source) throws IOException {
    Path target = cacheDir.resolve(source.name());
    if (isComplete(target, source)) {
      return target;
    }
    Files.createDirectories(cacheDir);
    Path archive = Files.createTempFile(cacheDir, "." + source.name() + "-", ".zip.part");
    Path staging = null;
    try {
      download(source, archive);
      staging = Files.createTempDirectory(cacheDir, "." + source.name() + "-unzip-");
      Path root = unzip(archive, staging, source);
      Files.writeString(root.resolve(MARKER_FILE), source.sha256() + "\n", StandardCharsets.US_ASCII);
      if (isComplete(target, source)) {
        return target; // another process finished first
      }
      deleteRecursively(target); // an incomplete folder left by something else: replace it
      try {
        Files.move(root, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException | AtomicMoveNotSupportedException e) {
        if (!isComplete(target, source)) { // another process may have won the race; its copy is as good
          throw new IOException("cannot move the unpacked " + source.name() + " into " + target + ": " + e, e);
        }
      }
      return target;
    } finally {
      Files.deleteIfExists(archive);
      if (staging != null) {
        deleteRecursively(staging);
      }
    }
  }

  private static boolean isComplete(Path target, DatasetSource source) throws IOException {
    Path marker = target.resolve(MARKER_FILE);
    return Files.isRegularFile(marker)
        && Files.readString(marker, StandardCharsets.US_ASCII).trim().equals(source.sha256());
  }

  private void download(DatasetSource source, Path archive) throws IOException {
    HttpRequest request = HttpRequest.newBuilder(source.uri()).timeout(RESPONSE_TIMEOUT).GET().build();
    MessageDigest digest = sha256();
    long received = 0;
    try (HttpClient client = HttpClient.newBuilder()
        .followRedirects(HttpClient.Redirect.NORMAL)
        .connectTimeout(CONNECT_TIMEOUT)
        .proxy(ProxySelector.getDefault())
        .build()) {
      HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        if (response.statusCode() != 200) {
          throw new HttpStatusException(response.statusCode());
        }
        Progress progress = new Progress(source.size());
        try (OutputStream out = Files.newOutputStream(archive)) {
          byte[] buffer = new byte[64 * 1024];
          for (int n; (n = in.read(buffer)) >= 0 && received <= source.size(); ) {
            received += n;
            out.write(buffer, 0, n);
            digest.update(buffer, 0, n);
            progress.show(received);
          }
        }
        progress.done();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("download of " + source.uri() + " was interrupted");
    } catch (HttpStatusException e) {
      throw new IOException("could not download " + source.uri() + ": the server answered HTTP " + e.status + ". "
          + retryAdvice(source));
    } catch (IOException e) {
      throw new IOException(
          "could not download " + source.uri() + ": " + describe(e, source.uri()) + ". " + retryAdvice(source), e);
    }
    if (received != source.size()) {
      throw new IOException("download of " + source.uri() + " is corrupt: expected " + source.size()
          + " bytes, got " + (received > source.size() ? "more" : Long.toString(received)) + ". "
          + retryAdvice(source));
    }
    String got = HexFormat.of().formatHex(digest.digest());
    if (!got.equals(source.sha256())) {
      throw new IOException("download of " + source.uri() + " is corrupt: expected SHA-256 " + source.sha256()
          + ", got " + got + ". " + retryAdvice(source));
    }
  }

  /** A response other than 200, kept apart from the network failures it would otherwise be reported as. */
  private static final class HttpStatusException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int status;

    HttpStatusException(int status) {
      super(null, null, false, false);
      this.status = status;
    }
  }

  private static String retryAdvice(DatasetSource source) {
    return "Retry later, or download " + source.uri() + " yourself, unzip it and pass --data DIR pointing at the "
        + source.name() + " folder";
  }

  /** What went wrong, in words: the JDK's HTTP client often throws a ConnectException without a message. */
  private static String describe(IOException e, URI uri) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host " + uri.getHost() + " (no network, or no DNS?)";
      }
      if (t instanceof HttpConnectTimeoutException) {
        return "no connection within " + CONNECT_TIMEOUT.toSeconds() + " s";
      }
      if (t instanceof HttpTimeoutException) {
        return "no answer within " + RESPONSE_TIMEOUT.toSeconds() + " s";
      }
    }
    if (e instanceof ConnectException) {
      return "cannot connect to " + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
          + " (connection refused or network unreachable)";
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getMessage() != null && !t.getMessage().isBlank()) {
        return t.getClass().getSimpleName() + ": " + t.getMessage();
      }
    }
    return e.getClass().getSimpleName();
  }

  /**
   * Unpacks every entry under {@code staging/content}, refusing entries that would land outside it, and returns the
   * folder that holds the data: the archive's single top folder if it has one (ml-1m.zip has {@code ml-1m/}), else
   * the content folder itself.
   */
  private static Path unzip(Path archive, Path staging, DatasetSource source) throws IOException {
    Path base = Files.createDirectory(staging.resolve("content")).toAbsolutePath().normalize();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        Path to = base.resolve(entry.getName()).normalize();
        if (!to.startsWith(base) || to.equals(base)) {
          throw new IOException("refusing to unpack " + source.uri() + ": entry '" + entry.getName()
              + "' would be written outside the target folder");
        }
        if (entry.isDirectory()) {
          Files.createDirectories(to);
        } else {
          Files.createDirectories(to.getParent());
          try (InputStream in = zip.getInputStream(entry)) {
            Files.copy(in, to);
          }
        }
      }
    }
    try (Stream<Path> top = Files.list(base)) {
      List<Path> children = top.toList();
      return children.size() == 1 && Files.isDirectory(children.get(0)) ? children.get(0) : base;
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** One line redrawn with {@code \r}: a bar, the percentage and megabytes so far. */
  private final class Progress {
    private final long total;
    private int shownPercent = -1;

    Progress(long total) {
      this.total = total;
    }

    void show(long received) {
      if (progressOut == null) {
        return;
      }
      int percent = (int) (received * 100 / total);
      if (percent == shownPercent) {
        return;
      }
      shownPercent = percent;
      int filled = percent * BAR_WIDTH / 100;
      progressOut.print(String.format(Locale.ROOT, "\r[%s%s] %3d%%  %.1f of %.1f MB", "#".repeat(filled),
          " ".repeat(BAR_WIDTH - filled), percent, received / 1e6, total / 1e6));
      progressOut.flush();
    }

    void done() {
      if (progressOut != null && shownPercent >= 0) {
        progressOut.println();
        progressOut.flush();
      }
    }
  }
}
