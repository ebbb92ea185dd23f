package io.jcors.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.CorsConfig;
import io.jcors.config.PropertyNames;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * From the JVM's system properties, the names {@link ApplicationProperties#read} keeps: every
 * option of the core's list in camel and kebab case, and the other jcors properties; not a name
 * under jcors that is no jcors property.
 */
class ApplicationPropertiesTest {
  ApplicationPropertiesTest() {}

  @Test
  void fromTheJvm_everyOptionInBothForms_isRead_andOtherNamesAreNot() {
    List<String> jcors = new ArrayList<>(List.of("jcors.enabled", "jcors.routes[0].path"));
    for (CorsConfig.Option option : CorsConfig.Option.values()) {
      jcors.add("jcors." + option.key());
      jcors.add("jcors." + PropertyNames.kebab(option.key()) + ".x"); // kebab, and nested
    }
    Map<String, String> jvm = new LinkedHashMap<>();
    jcors.forEach(name -> jvm.put(name, "1"));
    jvm.put("jcors.version", "0.1.0");
    jvm.put("jcors.home", "/opt/jcors");
    Config config =
        new SmallRyeConfigBuilder()
            .withSources(new MapBackedConfigSource("SysPropConfigSource", jvm, 400) {})
            .build();

    assertThat(ApplicationProperties.read(config).keySet())
        .containsExactlyInAnyOrderElementsOf(jcors);
  }
}
