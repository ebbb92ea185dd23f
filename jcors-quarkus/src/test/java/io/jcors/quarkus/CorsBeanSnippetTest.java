package io.jcors.quarkus;

import io.jcors.quarkus.snippets.produced.Cors;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/** docs/quarkus.md's {@code CorsPolicy} bean, as written there, in a real Quarkus application. */
@Tag("QuarkusUnitTest") // its own JVM: see pom.xml
class CorsBeanSnippetTest extends AppOriginSnippet {
  @RegisterExtension static final QuarkusUnitTest APP = app(Cors.class);
}
