package io.jcors.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jcors lint FILE [--json] [--strict]}: every error and risk of a config file, with where it
 * is written, why it matters and the fix. The checks are the core's (the same ones that run when a
 * policy is built); lint places them in the file.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Report every error and risk in a CORS config file.",
      "Each finding has file:line:column, the option, the offending value, why it matters (the"
          + " attack it enables or why a browser refuses it) and the fix. JSON and YAML files."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:nothing at warning level or above",
      "1:warnings (the config loads, but is risky or cannot do what it seems to)",
      "2:errors (the config would not load), or the file cannot be read"
    })
final class LintCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The config file (.json, .yaml or .yml).")
  Path file;

  @Option(
      names = "--json",
      description = "Print the findings as one JSON object (for scripts and editors).")
  boolean json;

  @Option(
      names = "--strict",
      description = "Treat warnings as errors, as the config's own \"strict\": true does.")
  boolean strict;

  /** Needed by picocli. */
  LintCommand() {}

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    String name = file.toString();
    List<Finding> findings;
    try {
      findings = LoadedConfig.load(file, OriginSources.checkedOnly()).findings();
    } catch (ConfigFileException e) {
      findings = List.of(Finding.of(e));
    }
    if (strict) {
      findings = findings.stream().map(Finding::asError).toList();
    }
    int exitCode = Report.exitCode(findings);
    if (json) {
      Report.json(name, findings, exitCode, out);
    } else {
      Report.text(name, findings, out);
    }
    return exitCode;
  }
}
