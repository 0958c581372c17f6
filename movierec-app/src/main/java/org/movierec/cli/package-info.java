/**
 * The {@code movierec} command line (picocli): {@link org.movierec.cli.MovieRecCli} is the entry point and the
 * composition root, with one class per command ({@code quickstart}, {@code train}, {@code index}, {@code recommend},
 * {@code predict}, {@code info}, {@code evaluate}). Commands are thin: they parse, call the core and the trainer, and
 * print through the picocli streams, so that tests run them with {@code CommandLine.execute} and read what they
 * printed. Failures become one line on stderr and an exit code in {@link org.movierec.cli.ErrorHandler}; tables and
 * JSON are rendered in {@link org.movierec.cli.RecommendationTable}, evaluation reports in {@code
 * org.movierec.eval.report}. What users type or give in files is read by small classes whose errors name the place
 * and the valid values: {@link org.movierec.cli.Converters}, {@link org.movierec.cli.RatedList} ({@code --rated}),
 * {@link org.movierec.cli.MovieList} ({@code --movies}), {@link org.movierec.cli.UsersFile} and {@link
 * org.movierec.cli.RatingsFile} (through {@link org.movierec.cli.DatLines}); {@link org.movierec.cli.AskedUser} turns
 * what was asked into the profile the model reads.
 */
package org.movierec.cli;
