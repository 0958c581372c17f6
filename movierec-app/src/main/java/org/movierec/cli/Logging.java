package org.movierec.cli;

import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Keeps library logging out of the user's way. DJL logs through SLF4J (bound to slf4j-simple), Lucene through
 * {@code java.util.logging}; both are off unless {@code --verbose} is given. Must run before any library logs:
 * slf4j-simple reads its settings when the first logger is created.
 */
final class Logging {
  private static final String SIMPLE_LOGGER = "org.slf4j.simpleLogger.";

  private Logging() {}

  static void configure(boolean verbose) {
    System.setProperty(SIMPLE_LOGGER + "defaultLogLevel", verbose ? "info" : "off");
    System.setProperty(SIMPLE_LOGGER + "logFile", "System.err");
    System.setProperty(SIMPLE_LOGGER + "showDateTime", "false");
    System.setProperty(SIMPLE_LOGGER + "showThreadName", "false");
    System.setProperty(SIMPLE_LOGGER + "showShortLogName", "true");
    System.setProperty(SIMPLE_LOGGER + "levelInBrackets", "true");
    if (!verbose) {
      LogManager.getLogManager().reset(); // removes the console handler: nothing is printed
      Logger.getLogger("").setLevel(Level.OFF);
    } // verbose: java.util.logging's default, INFO and above on stderr
  }
}
