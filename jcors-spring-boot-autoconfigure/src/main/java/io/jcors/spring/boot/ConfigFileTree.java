package io.jcors.spring.boot;

import io.jcors.ConfigFileReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * The tree of {@code jcors.config}: a file path, or a Spring resource location ({@code
 * classpath:cors.yaml}, {@code file:/etc/cors.json}), read by a {@link ConfigFileReader} found with
 * {@link ServiceLoader} (io.jcors:jcors-cli has the JSON and YAML one), so that the file is read
 * exactly as {@code jcors lint} and {@code jcors serve} read it.
 */
final class ConfigFileTree {
  private ConfigFileTree() {}

  static PropertiesTree.Read read(String location, ResourceLoader loader) {
    List<Problem> problems = new ArrayList<>();
    String quoted = io.jcors.CorsProblem.quote(location);
    boolean resource = location.startsWith("classpath:") || location.startsWith("file:");
    Path named = Path.of(resource ? location.substring(location.lastIndexOf(':') + 1) : location);
    ConfigFileReader reader = null;
    for (ConfigFileReader candidate :
        ServiceLoader.load(ConfigFileReader.class, loader.getClassLoader())) {
      if (candidate.reads(named)) {
        reader = candidate;
        break;
      }
    }
    if (reader == null) {
      problems.add(
          new Problem(
              "jcors.config",
              quoted,
              "cannot be read: no config file reader on the class path reads this file",
              "add io.jcors:jcors-cli, which reads .json, .yaml and .yml files, or set the"
                  + " options as jcors.* properties"));
      return new PropertiesTree.Read(Map.of(), problems);
    }
    Path temporary = null;
    try {
      Path file;
      if (resource) {
        Resource found = loader.getResource(location);
        if (!found.exists()) {
          problems.add(
              new Problem(
                  "jcors.config",
                  quoted,
                  "does not exist",
                  "put the file at that location, or correct jcors.config"));
          return new PropertiesTree.Read(Map.of(), problems);
        }
        if (found.isFile()) {
          file = found.getFile().toPath();
        } else {
          // Inside a jar: the reader takes a file, so the resource is copied next to nothing else.
          temporary = Files.createTempDirectory("jcors-config");
          file = temporary.resolve(named.getFileName().toString());
          try (InputStream in = found.getInputStream()) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      } else {
        file = named;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> tree = (Map<String, Object>) reader.read(file);
      return new PropertiesTree.Read(tree, problems);
    } catch (IOException e) {
      problems.add(
          new Problem(
              "jcors.config", quoted, "cannot be read: " + e.getMessage(), "check the location"));
    } catch (IllegalArgumentException e) {
      String message = e.getMessage();
      if (temporary != null && message != null) {
        message = message.replace(temporary.resolve(named.getFileName()).toString(), location);
      }
      problems.add(
          new Problem(
              "jcors.config",
              quoted,
              "is not a valid config file: " + message,
              "fix the file at the line and column given"));
    } finally {
      if (temporary != null) {
        try {
          Files.deleteIfExists(temporary.resolve(named.getFileName().toString()));
          Files.deleteIfExists(temporary);
        } catch (IOException e) {
          temporary.toFile().deleteOnExit();
        }
      }
    }
    return new PropertiesTree.Read(Map.of(), problems);
  }
}
