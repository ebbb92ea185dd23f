package io.jcors.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import io.jcors.CorsProblem.Severity;
import io.jcors.check.PrintableText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Prints findings as text (for people) or JSON (for scripts). */
final class Report {
  private Report() {}

  /** Each finding, then a summary line such as {@code cors.json: 1 error, 2 warnings}. */
  static void text(String file, List<Finding> findings, PrintWriter out) {
    text(file, findings, List.of(), out);
  }

  /**
   * Each finding, then each note (what was found beyond the file, such as the rows of a data
   * source: {@code cors.json: routes[0].cors.origin.jdbc: 6 rows, ...}), then the summary line.
   */
  static void text(String file, List<Finding> findings, List<String> notes, PrintWriter out) {
    for (Finding finding : findings) {
      out.println(finding.toText(file));
    }
    String shown = PrintableText.escape(file);
    for (String note : notes) {
      out.println(shown + ": " + PrintableText.escape(note));
    }
    out.println(shown + ": " + summary(findings));
    out.flush();
  }

  /** {@code no problems}, {@code 1 error, 2 warnings}. */
  static String summary(List<Finding> findings) {
    long errors = count(findings, Severity.ERROR);
    long warnings = count(findings, Severity.WARNING);
    if (errors == 0 && warnings == 0) {
      return "no problems";
    }
    return plural(errors, "error") + ", " + plural(warnings, "warning");
  }

  /**
   * One JSON object: {@code file}, {@code exitCode}, {@code errors}, {@code warnings} and {@code
   * findings}, each with {@code rule} ({@code S3}, {@code F15}, {@code C1}), {@code severity},
   * {@code line}, {@code column}, {@code option}, {@code value}, {@code reason}, {@code fix} (null
   * when absent) and {@code source}: null for the config's own, else the origin source whose entry
   * it is about, {@code {"key": "file", "option": "routes[0].cors.origin[1].file", "file":
   * "tenants.txt"}} (then {@code line} is the line in that file, {@code column} null), or {@code
   * {"key": "jdbc", ..., "file": null}} for a table's row.
   */
  static void json(String file, List<Finding> findings, int exitCode, PrintWriter out) {
    json(file, findings, List.of(), exitCode, out);
  }

  /** As {@link #json(String, List, int, PrintWriter)}, with the notes as a {@code notes} array. */
  static void json(
      String file, List<Finding> findings, List<String> notes, int exitCode, PrintWriter out) {
    StringWriter buffer = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(buffer)) {
      json.setCharacterEscapes(UnprintableEscapes.INSTANCE);
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("file", file);
      json.writeNumberField("exitCode", exitCode);
      json.writeNumberField("errors", count(findings, Severity.ERROR));
      json.writeNumberField("warnings", count(findings, Severity.WARNING));
      json.writeArrayFieldStart("findings");
      for (Finding finding : findings) {
        json.writeStartObject();
        json.writeStringField("rule", finding.rule().name());
        json.writeStringField("severity", finding.level());
        if (finding.location() == null) {
          json.writeNullField("line");
          json.writeNullField("column");
        } else {
          json.writeNumberField("line", finding.location().line());
          if (finding.location().column() > 0) {
            json.writeNumberField("column", finding.location().column());
          } else {
            json.writeNullField("column"); // a whole line of an origin file
          }
        }
        json.writeStringField("option", finding.option());
        json.writeStringField("value", finding.value());
        json.writeStringField("reason", finding.reason());
        json.writeStringField("fix", finding.fix());
        if (finding.source() == null) {
          json.writeNullField("source");
        } else {
          json.writeObjectFieldStart("source");
          json.writeStringField("key", finding.source().key());
          json.writeStringField("option", finding.source().option());
          json.writeStringField("file", finding.source().file());
          json.writeEndObject();
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      if (!notes.isEmpty()) {
        json.writeArrayFieldStart("notes");
        for (String note : notes) {
          json.writeString(note);
        }
        json.writeEndArray();
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringWriter does not fail
    }
    out.println(buffer);
    out.flush();
  }

  /** The exit code for findings: 2 with an error, 1 with a warning, else 0. */
  static int exitCode(List<Finding> findings) {
    if (count(findings, Severity.ERROR) > 0) {
      return Main.ERRORS;
    }
    return count(findings, Severity.WARNING) > 0 ? Main.WARNINGS : Main.OK;
  }

  /**
   * JSON escapes for what {@link PrintableText} does not print beyond ASCII (C1 controls, bidi
   * controls, separators; the ASCII controls Jackson escapes already): the JSON keeps its values,
   * and printed raw to a terminal it cannot act on it.
   */
  private static final class UnprintableEscapes extends CharacterEscapes {
    private static final long serialVersionUID = 1L;
    static final UnprintableEscapes INSTANCE = new UnprintableEscapes();

    private final int[] ascii = asciiEscapes();

    private static int[] asciiEscapes() {
      int[] escapes = standardAsciiEscapesForJSON();
      escapes[0x7f] = ESCAPE_STANDARD; // DEL, which JSON allows raw
      return escapes;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public SerializableString getEscapeSequence(int c) {
      return PrintableText.isPrintable(c)
          ? null
          : new SerializedString(PrintableText.escape(String.valueOf((char) c)));
    }
  }

  private static long count(List<Finding> findings, Severity severity) {
    return findings.stream().filter(f -> f.severity() == severity).count();
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
