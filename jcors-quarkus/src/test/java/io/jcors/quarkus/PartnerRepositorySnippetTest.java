package io.jcors.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import io.jcors.quarkus.snippets.repository.PartnerOrigins;
import io.jcors.quarkus.snippets.repository.PartnerRepository;
import io.quarkus.test.QuarkusUnitTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * JcorsCustomizer's Javadoc (an origin function asking a repository), as written there, in a real
 * Quarkus application whose properties give {@code /api/**} a policy.
 */
@Tag("QuarkusUnitTest") // its own JVM: see pom.xml
class PartnerRepositorySnippetTest extends PartnerOriginsSnippet {
  @RegisterExtension
  static final QuarkusUnitTest APP = app(PartnerOrigins.class, PartnerRepository.class);

  @Override
  String known() {
    return PartnerRepository.KNOWN;
  }

  @Test
  void originFunction_isCalledOnTheEventLoop() throws Exception {
    SnippetHttp.get(hello, PartnerRepository.KNOWN);
    // The function is called on the event loop, which is why it returns a stage.
    assertThat(PartnerRepository.CALLED_ON).isNotEmpty().allMatch(t -> t.contains("eventloop"));
  }
}
