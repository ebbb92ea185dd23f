package io.jcors.quarkus;

import io.jcors.quarkus.snippets.client.PartnerClient;
import io.jcors.quarkus.snippets.client.PartnerOrigins;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/quarkus.md's {@code JcorsCustomizer} (an origin function asking a remote store), as written
 * there, in a real Quarkus application whose properties give {@code /api/**} a policy.
 */
@Tag("QuarkusUnitTest") // its own JVM: see pom.xml
class PartnerClientSnippetTest extends PartnerOriginsSnippet {
  @RegisterExtension
  static final QuarkusUnitTest APP = app(PartnerOrigins.class, PartnerClient.class);

  @Override
  String known() {
    return PartnerClient.KNOWN;
  }
}
