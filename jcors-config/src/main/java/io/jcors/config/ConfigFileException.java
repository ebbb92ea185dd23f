package io.jcors.config;

/**
 * A config file that cannot be read as a configuration at all: missing, a directory, empty, not
 * JSON or YAML, or not an object. The message is one line that names the file, and the line and
 * column when there is one.
 */
final class ConfigFileException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final Location location;
  private final String reason;

  ConfigFileException(String file, Location location, String reason) {
    super(file + (location == null ? "" : ":" + location) + ": " + reason);
    this.file = file;
    this.location = location;
    this.reason = reason;
  }

  /** The file as the user named it. */
  String file() {
    return file;
  }

  /** Where in the file, or null when the problem is the file itself. */
  Location location() {
    return location;
  }

  /** What is wrong, without the file name. */
  String reason() {
    return reason;
  }
}
