/**
 * The {@code movierec} command line (picocli): {@link org.movierec.cli.MovieRecCli} is the entry point and the
 * composition root, with one class per command ({@code quickstart}, {@code train}, {@code index}, {@code recommend},
 * {@code predict}, {@code info}, {@code evaluate}). Commands are thin: they parse, call the core and the trainer, and
 * print through the picocli streams, so that tests run them with {@code CommandLine.execute} and read what they
 * printed. Failures become one line on stderr and an exit code in {@link org.movierec.cli.ErrorHandler}; tables and
 * JSON are rendered in {@link org.movierec.cli.RecommendationTable}, evaluation reports in {@code
 * org.movierec.eval.report}.
 */
package org.movierec.cli;
