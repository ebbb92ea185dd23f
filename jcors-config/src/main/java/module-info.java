/**
 * jcors config files: JSON, YAML and properties files and flat key/value maps (servlet
 * init-params), from a path or the class path, read into a policy with every problem placed where
 * it is written. Origin sources ({@code "origin": {"jdbc": {...}}}) are found with {@link
 * java.util.ServiceLoader} by their key.
 */
module io.jcors.config {
  requires transitive io.jcors;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.yaml;
  requires org.yaml.snakeyaml;

  exports io.jcors.config;

  uses io.jcors.OriginSourceProvider;
}
