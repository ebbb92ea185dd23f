package io.jcors.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.jcors.CorsProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * A config file read into the tree that {@link io.jcors.CorsConfig#read(Map)} takes (maps, lists,
 * strings, numbers, booleans and nulls), remembering where every key and value is written so that a
 * problem's option path ({@code routes[0].cors.origin[1]}) can be shown as {@code line:column}.
 *
 * <p>The tree is built token by token from a Jackson parser rather than through data binding,
 * because binding forgets locations and silently keeps one of two duplicate keys.
 *
 * <p>YAML anchors ({@code &name}) and aliases ({@code *name}) are refused: the parser does not
 * expand an alias but hands over its name as text, so {@code methods: *m} would be read as the
 * method {@code m}.
 */
final class ConfigFile {
  /** Config files are small; a bigger input is a mistake (or {@code /dev/zero}). */
  static final int MAX_BYTES = 1 << 20;

  /** The syntax a file is read with. */
  enum Format {
    JSON,
    YAML;

    /** By extension: {@code .yaml} and {@code .yml} are YAML; others JSON unless they look YAML. */
    static Format of(String name, String content) {
      String lower = name.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
        return YAML;
      }
      if (lower.endsWith(".json")) {
        return JSON;
      }
      String start = content.stripLeading();
      return start.startsWith("{") || start.startsWith("[") ? JSON : YAML;
    }
  }

  /** A key written twice in one object: the second is reported, the first is kept. */
  record DuplicateKey(String option, Location location, Location first) {}

  private final String name;
  private final Format format;
  private final Map<String, Object> tree;
  private final Map<String, Location> values;
  private final Map<String, Location> keys;
  private final List<DuplicateKey> duplicates;

  private ConfigFile(
      String name,
      Format format,
      Map<String, Object> tree,
      Map<String, Location> values,
      Map<String, Location> keys,
      List<DuplicateKey> duplicates) {
    this.name = name;
    this.format = format;
    this.tree = tree;
    this.values = values;
    this.keys = keys;
    this.duplicates = List.copyOf(duplicates);
  }

  /**
   * Reads {@code file}, named in messages as the user wrote it.
   *
   * @throws ConfigFileException when the file is missing, unreadable, empty, not JSON or YAML, or
   *     not an object
   */
  static ConfigFile read(Path file) throws ConfigFileException {
    String name = file.toString();
    String content = text(name, bytes(file));
    return parse(name, content, Format.of(name, content));
  }

  /**
   * The bytes of {@code file}, at most {@link #MAX_BYTES}.
   *
   * @throws ConfigFileException when the file is missing, a directory, unreadable or too large
   */
  static byte[] bytes(Path file) throws ConfigFileException {
    String name = file.toString();
    if (Files.isDirectory(file)) {
      throw new ConfigFileException(name, null, "is a directory, not a config file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return bytes(name, in);
    } catch (NoSuchFileException e) {
      throw new ConfigFileException(name, null, "no such file");
    } catch (AccessDeniedException e) {
      throw new ConfigFileException(name, null, "cannot be read: permission denied");
    } catch (IOException e) {
      throw new ConfigFileException(name, null, "cannot be read: " + e.getMessage());
    }
  }

  /**
   * The bytes of {@code in} (not closed), at most {@link #MAX_BYTES}.
   *
   * @throws IOException when {@code in} fails
   * @throws ConfigFileException when it holds more
   */
  static byte[] bytes(String name, InputStream in) throws IOException, ConfigFileException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new ConfigFileException(
          name, null, "is larger than 1 MiB; a CORS config file is a few lines of JSON or YAML");
    }
    return bytes;
  }

  /**
   * {@code bytes} as UTF-8 text.
   *
   * @throws ConfigFileException when they are not UTF-8
   */
  static String text(String name, byte[] bytes) throws ConfigFileException {
    try {
      return strictUtf8(bytes);
    } catch (CharacterCodingException e) {
      throw new ConfigFileException(name, null, "is not UTF-8 text; save it as UTF-8 JSON or YAML");
    }
  }

  /**
   * {@code bytes} as UTF-8 text, refusing malformed bytes instead of replacing them: a file of
   * origins or options in another encoding is an error to fix, not text to guess at.
   *
   * @throws CharacterCodingException when they are not UTF-8
   */
  static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /**
   * Parses {@code content}.
   *
   * @throws ConfigFileException when it is empty, not valid {@code format}, or not an object
   */
  static ConfigFile parse(String name, String content, Format format) throws ConfigFileException {
    if (content.startsWith("\uFEFF")) {
      content = content.substring(1);
    }
    JsonFactory factory = format == Format.YAML ? new YAMLFactory() : new JsonFactory();
    Builder builder = new Builder(format == Format.YAML ? content.split("\\R", -1) : null);
    try (JsonParser parser = factory.createParser(content)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new ConfigFileException(
            name,
            null,
            "is empty; write a "
                + format
                + " object such as {\"origin\": \"https://app.example.com\"}");
      }
      Location at = location(parser.currentTokenLocation());
      if (first != JsonToken.START_OBJECT) {
        throw new ConfigFileException(
            name,
            at,
            "the configuration is "
                + describe(first)
                + ", not an object; write {\"origin\": ...} or {\"routes\": [...]}");
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> tree = (Map<String, Object>) builder.value(parser, "");
      JsonToken after = parser.nextToken();
      if (after != null) {
        throw new ConfigFileException(
            name,
            location(parser.currentTokenLocation()),
            "has more after the configuration object; a config file holds one object"
                + (format == Format.YAML ? " (one YAML document)" : ""));
      }
      if (builder.firstAnchorOrAlias != null) {
        int more = builder.anchorsAndAliases.size() - 1;
        throw new ConfigFileException(
            name,
            builder.firstAnchorOrAlias,
            builder.firstReason
                + (more == 0
                    ? ""
                    : " ("
                        + more
                        + (more == 1 ? " more anchor or alias" : " more anchors or aliases")
                        + " in the file)"));
      }
      return new ConfigFile(name, format, tree, builder.values, builder.keys, builder.duplicates);
    } catch (JsonProcessingException e) {
      throw new ConfigFileException(
          name, location(e), "is not valid " + format + ": " + oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConfigFileException(name, null, "cannot be read: " + e.getMessage());
    }
  }

  /** The file as the user named it. */
  String name() {
    return name;
  }

  /** JSON or YAML. */
  Format format() {
    return format;
  }

  /** The configuration tree, for {@link io.jcors.CorsConfig#read(Map)}. */
  Map<String, Object> tree() {
    return tree;
  }

  /** Keys written twice, in the order of the file. */
  List<DuplicateKey> duplicates() {
    return duplicates;
  }

  /**
   * Where the problem is written: the key of an option that should not be there, otherwise the
   * offending value; when the core names a list (a method in {@code methods}), the element whose
   * value is the offending one; when the path is not in the file (a default), its closest parent.
   */
  Location locate(CorsProblem problem) {
    String path = problem.option();
    if (problem.value() == null && keys.containsKey(path)) {
      return keys.get(path);
    }
    for (String p = path; ; p = parent(p)) {
      Location found = values.get(p);
      if (found != null) {
        Location element = p.equals(path) ? element(p, problem.value()) : null;
        return element != null ? element : found;
      }
      if (p.isEmpty()) {
        return Location.START;
      }
    }
  }

  /** The location of the one element of the list at {@code path} written as {@code value}. */
  private Location element(String path, String value) {
    Object node = at(path);
    if (value == null || !(node instanceof List)) {
      return null;
    }
    List<?> list = (List<?>) node;
    Location found = null;
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) instanceof String && CorsProblem.quote((String) list.get(i)).equals(value)) {
        if (found != null) {
          return null; // written twice: the list itself is the better answer
        }
        found = values.get(path + "[" + i + "]");
      }
    }
    return found;
  }

  /** The node at a path such as {@code routes[0].cors.methods}, or null. */
  private Object at(String path) {
    Object node = tree;
    int i = 0;
    while (i < path.length() && node != null) {
      char c = path.charAt(i);
      if (c == '[') {
        int end = path.indexOf(']', i);
        int index = Integer.parseInt(path.substring(i + 1, end));
        node =
            node instanceof List && index < ((List<?>) node).size()
                ? ((List<?>) node).get(index)
                : null;
        i = end + 1;
      } else {
        int start = c == '.' ? i + 1 : i;
        int end = start;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        node = node instanceof Map ? ((Map<?, ?>) node).get(path.substring(start, end)) : null;
        i = end;
      }
    }
    return node;
  }

  /** {@code routes[0].cors.origin[1]} → {@code routes[0].cors.origin} → … → {@code ""}. */
  static String parent(String path) {
    int dot = path.lastIndexOf('.');
    int bracket = path.lastIndexOf('[');
    int cut = Math.max(dot, bracket);
    return cut <= 0 ? "" : path.substring(0, cut);
  }

  /**
   * Where a syntax error is: for YAML, the parser's problem mark (the tab, the bad character), not
   * the place where the token around it began, which Jackson reports.
   */
  private static Location location(JsonProcessingException e) {
    if (e.getCause() instanceof MarkedYAMLException) {
      Mark problem = ((MarkedYAMLException) e.getCause()).getProblemMark();
      if (problem != null) {
        return new Location(problem.getLine() + 1, problem.getColumn() + 1);
      }
    }
    return e.getLocation() == null ? null : location(e.getLocation());
  }

  private static Location location(JsonLocation location) {
    return new Location(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
  }

  private static String describe(JsonToken token) {
    switch (token) {
      case START_ARRAY:
        return "a list";
      case VALUE_STRING:
        return "a string";
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return "a number";
      case VALUE_TRUE:
      case VALUE_FALSE:
        return "a boolean";
      case VALUE_NULL:
        return "null";
      default:
        return "not an object";
    }
  }

  /** Parser messages (YAML's span several lines with a source excerpt) as one line. */
  static String oneLine(String message) {
    StringJoiner out = new StringJoiner("; ");
    for (String line : message.split("\\R")) {
      String stripped = line.strip();
      if (stripped.isEmpty()
          || line.startsWith(" ")
          || stripped.startsWith("in 'reader'")
          || stripped.startsWith("at [Source")) {
        continue; // excerpts, carets and positions: the location is given separately
      }
      out.add(stripped);
    }
    String joined = out.toString();
    return joined.isEmpty() ? message.strip() : joined;
  }

  /** Builds the tree and records where each key and value is written. */
  private static final class Builder {
    final Map<String, Location> values = new HashMap<>();
    final Map<String, Location> keys = new HashMap<>();
    final List<DuplicateKey> duplicates = new ArrayList<>();

    /** The lines of a YAML file, to find anchors; null for JSON. */
    private final String[] yamlLines;

    /** Where each YAML anchor or alias is written. */
    final Set<Location> anchorsAndAliases = new HashSet<>();

    Location firstAnchorOrAlias;
    String firstReason;

    Builder(String[] yamlLines) {
      this.yamlLines = yamlLines;
    }

    /** The value at the parser's current token, recorded under {@code path}. */
    Object value(JsonParser parser, String path) throws IOException {
      refuseAnchorOrAlias(parser);
      values.put(path, location(parser.currentTokenLocation()));
      JsonToken token = parser.currentToken();
      switch (token) {
        case START_OBJECT:
          Map<String, Object> map = new LinkedHashMap<>();
          while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            refuseAnchorOrAlias(parser);
            Location keyAt = location(parser.currentTokenLocation());
            String child = path.isEmpty() ? key : path + "." + key;
            parser.nextToken();
            if (map.containsKey(key)) {
              duplicates.add(new DuplicateKey(child, keyAt, keys.get(child)));
              parser.skipChildren();
              continue;
            }
            keys.put(child, keyAt);
            map.put(key, value(parser, child));
          }
          return map;
        case START_ARRAY:
          List<Object> list = new ArrayList<>();
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            list.add(value(parser, path + "[" + list.size() + "]"));
          }
          return list;
        case VALUE_STRING:
          return parser.getText();
        case VALUE_NUMBER_INT:
          return parser.getNumberValue();
        case VALUE_NUMBER_FLOAT:
          return parser.getDecimalValue();
        case VALUE_TRUE:
          return Boolean.TRUE;
        case VALUE_FALSE:
          return Boolean.FALSE;
        case VALUE_NULL:
          return null;
        default:
          // YAML binary or other embedded values: kept as text so the core reports the type.
          return parser.getText();
      }
    }

    /**
     * Records a YAML alias or anchor at the current token. An alias is reported by the parser; an
     * anchor only on lists, objects and keys, so it is found in the text: a token that starts with
     * {@code &} (after an optional tag) is an anchor, since a plain scalar cannot start with it.
     */
    private void refuseAnchorOrAlias(JsonParser parser) throws IOException {
      if (yamlLines == null) {
        return;
      }
      JsonLocation at = parser.currentTokenLocation();
      String reason;
      if (parser instanceof YAMLParser && ((YAMLParser) parser).isCurrentAlias()) {
        String name = parser.getText();
        reason =
            "*"
                + name
                + " is a YAML alias; jcors does not expand anchors and aliases (it would read the"
                + " text "
                + CorsProblem.quote(name)
                + "): write the value out here";
      } else {
        String name = anchorAt(at.getLineNr(), at.getColumnNr());
        if (name == null) {
          return;
        }
        reason =
            "&"
                + name
                + " is a YAML anchor; jcors does not expand anchors and aliases: write the value"
                + " out at each place that uses *"
                + name
                + ", and remove &"
                + name;
      }
      Location location = location(at);
      if (anchorsAndAliases.add(location) && firstAnchorOrAlias == null) {
        firstAnchorOrAlias = location;
        firstReason = reason;
      }
    }

    /** The name of the anchor written at a 1-based line and column (in code points), or null. */
    private String anchorAt(int line, int column) {
      if (line < 1 || line > yamlLines.length || column < 1) {
        return null;
      }
      String text = yamlLines[line - 1];
      int i;
      try {
        i = text.offsetByCodePoints(0, column - 1);
      } catch (IndexOutOfBoundsException e) {
        return null;
      }
      if (i < text.length() && text.charAt(i) == '!') { // a tag first: !!int &n 5
        while (i < text.length() && !Character.isWhitespace(text.charAt(i))) {
          i++;
        }
        while (i < text.length() && text.charAt(i) == ' ') {
          i++;
        }
      }
      if (i >= text.length() || text.charAt(i) != '&') {
        return null;
      }
      int end = i + 1;
      while (end < text.length()
          && !Character.isWhitespace(text.charAt(end))
          && ",[]{}".indexOf(text.charAt(end)) < 0) {
        end++;
      }
      return text.substring(i + 1, end);
    }
  }
}
