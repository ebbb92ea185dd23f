package io.jcors.cli;

import io.jcors.CorsProblem;
import io.jcors.OriginList;
import io.jcors.config.ConfigProblem;
import io.jcors.config.ConfigReader;
import io.jcors.config.LoadedConfig;
import io.jcors.config.Location;
import io.jcors.config.OriginSources;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
 * policy is built); lint places them in the file. The rows of a {@code jdbc} origin source are read
 * once when the database can be reached, and checked as the served list checks them.
 */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Report every error and risk in a CORS config file.",
      "Each finding has file:line:column, the option, the offending value, why it matters (the"
          + " attack it enables or why a browser refuses it) and the fix. JSON and YAML files.",
      "A jdbc origin source whose database can be reached has its rows read once and checked"
          + " as the served list checks them: the row count, and each risky or skipped row. A"
          + " file origin source has its lines checked the same way, each finding at FILE:LINE."
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
    List<String> notes = new ArrayList<>();
    // Origin sources check their settings without connecting; their rows are read once below.
    try (OriginSources sources = OriginSources.checkOnly(LintCommand.class.getClassLoader())) {
      LoadedConfig loaded = ConfigReader.read(file, sources);
      findings = new ArrayList<>();
      for (ConfigProblem problem : loaded.problems()) {
        findings.add(Finding.of(problem));
      }
      for (OriginSources.Checked source : sources.checked()) {
        readRows(loaded, sources, source, findings, notes);
      }
      Collections.sort(findings); // stable: a row's findings go after the file's at that place
    }
    if (strict) {
      findings = findings.stream().map(Finding::asError).toList();
    }
    int exitCode = Report.exitCode(findings);
    if (json) {
      Report.json(name, findings, notes, exitCode, out);
    } else {
      Report.text(name, findings, notes, out);
    }
    return exitCode;
  }

  /**
   * Reads the entries of an origin source once ({@code jdbc}: when the database can be reached; a
   * {@code file}: its lines), and checks them as the served list would (the route's credentials and
   * strict): a note with the count, and a warning for each risky or skipped entry, at its line for
   * a file. A database that cannot be reached is a note only; a file that cannot be read is an
   * error, as it is for {@code serve}.
   */
  private static void readRows(
      LoadedConfig loaded,
      OriginSources sources,
      OriginSources.Checked source,
      List<Finding> findings,
      List<String> notes) {
    String path = pathOf(loaded, source);
    boolean file = source.key().equals("file");
    List<OriginSources.Entry> entries;
    try {
      entries = sources.readEntries(source);
    } catch (Exception e) {
      // A file that cannot be read is an error of the config already (its check reads it).
      notes.add(
          path
              + ": the rows could not be read ("
              + CorsProblem.quote(e.toString())
              + "); only the settings were checked");
      return;
    }
    OriginList.Builder builder = OriginList.builder(path, source.credentials(), source.strict());
    List<OriginSources.Entry> ofProblem = new ArrayList<>();
    for (OriginSources.Entry entry : entries) {
      builder.add(entry.value());
      while (ofProblem.size() < builder.problemCount()) {
        ofProblem.add(entry);
      }
    }
    OriginList list = builder.build();
    String count =
        file
            ? entries.size() + (entries.size() == 1 ? " entry" : " entries")
            : entries.size() + (entries.size() == 1 ? " row" : " rows");
    notes.add(
        path
            + ": "
            + (file ? CorsProblem.quote(String.valueOf(source.settings().get("path"))) + ": " : "")
            + count
            + ": "
            + list.size()
            + " in use, "
            + list.skipped().size()
            + " skipped");
    String kind = file ? "entry" : "row";
    for (int i = 0; i < list.problems().size(); i++) {
      CorsProblem problem = list.problems().get(i);
      OriginSources.Entry entry = ofProblem.get(i);
      Finding placed = Finding.of(loaded.place(problem));
      boolean skipped = problem.severity() == CorsProblem.Severity.ERROR;
      findings.add(
          new Finding(
              placed.rule(),
              CorsProblem.Severity.WARNING, // the config loads; the entry is data
              file ? new Location(entry.line(), 0) : placed.location(),
              placed.option(),
              placed.value(),
              "(a"
                  + (file ? "n " : " ")
                  + kind
                  + ") "
                  + placed.reason()
                  + "; the "
                  + kind
                  + (skipped ? " is skipped" : " is used"),
              placed.fix(),
              new Finding.Source(source.key(), path, file ? entry.file() : null)));
    }
  }

  /**
   * Where a source is written: {@code routes[0].cors.origin[1].jdbc}. A source written with a
   * string ({@code {"file": "tenants.txt"}}) has settings made for it: it is found by that string.
   */
  private static String pathOf(LoadedConfig loaded, OriginSources.Checked source) {
    String path = loaded.pathOf(source.settings());
    if (path == null && source.settings().size() == 1 && source.settings().containsKey("path")) {
      path = loaded.pathOf(source.settings().get("path"));
    }
    return path != null ? path : "origin." + source.key();
  }
}
