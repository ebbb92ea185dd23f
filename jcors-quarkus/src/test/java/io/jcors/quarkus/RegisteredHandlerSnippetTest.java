package io.jcors.quarkus;

import io.jcors.quarkus.snippets.registered.Cors;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * CorsHandler's Javadoc and docs/quarkus.md: an application registering {@link CorsHandler} itself,
 * as written there, without jcors.* properties, in a real Quarkus application.
 */
@Tag("QuarkusUnitTest") // its own JVM: see pom.xml
class RegisteredHandlerSnippetTest extends AppOriginSnippet {
  @RegisterExtension static final QuarkusUnitTest APP = app(Cors.class);
}
