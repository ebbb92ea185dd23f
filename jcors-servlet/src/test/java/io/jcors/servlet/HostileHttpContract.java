package io.jcors.servlet;

import io.jcors.testsupport.HostileRequests;
import jakarta.servlet.ServletRegistration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile HTTP against the filter in a real container, sent over raw sockets (S15-S18, S26): the
 * requests and checks of {@link HostileRequests}. One subclass per container.
 */
abstract class HostileHttpContract {
  private Container container;
  private String base;

  abstract Container.Kind kind();

  @BeforeEach
  void start() throws Exception {
    container = kind().create();
    CorsFilter filter = new CorsFilter(HostileRequests.policy());
    base =
        container.start(
            context -> {
              filter.addTo(context, "/*");
              ServletRegistration.Dynamic app = context.addServlet("app", new App());
              app.addMapping("/");
              app.setAsyncSupported(true);
            });
  }

  @AfterEach
  void stop() throws Exception {
    container.close();
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("io.jcors.testsupport.HostileRequests#cases")
  void hostileRequest_noServerError_noInvalidByte_noAllowOrigin(
      boolean mayMatch, String name, String head) throws Exception {
    HostileRequests.checkHostileRequest(base, mayMatch, name, head);
  }

  @Test
  void duplicateOrigin_attackerFirst_getsNoAllowOrigin() throws Exception {
    HostileRequests.checkDuplicateOriginAttackerFirst(base);
  }

  @Test
  void duplicateOrigin_attackerSecond_reflectsOnlyTheFirst() throws Exception {
    HostileRequests.checkDuplicateOriginAttackerSecond(base);
  }

  @Test
  void afterTheOnslaught_aNormalPreflightStillWorks() throws Exception {
    HostileRequests.checkNormalPreflightAfterAll(base);
  }
}
