package org.movierec.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --model DIR} option every command but {@code quickstart} shares, with its default. */
final class ModelDirOption {
  @Option(
      names = "--model",
      paramLabel = "DIR",
      description = "Model directory (default: $MOVIEREC_HOME/model, or ~/.movierec/model when MOVIEREC_HOME is not"
          + " set: where quickstart puts its model).")
  Path dir;

  Path resolve(Environment environment) {
    return environment.modelOrDefault(dir);
  }
}
