package io.jcors.spring.boot.securedreactive;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A reactive API as a Boot application writes it: Spring WebFlux behind Spring Security with HTTP
 * Basic, and no CORS configuration of its own; the jcors starter is on the class path.
 */
@SpringBootApplication
public class SecuredReactiveApi {
  /** Every exchange needs a user; HTTP Basic; no CSRF. */
  @Bean
  SecurityWebFilterChain security(ServerHttpSecurity http) {
    return http.authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  /** The controller. */
  @RestController
  static class Products {
    @GetMapping("/api/products")
    ResponseEntity<Map<String, Object>> list() {
      return ResponseEntity.ok().header("X-Total-Count", "1").body(Map.of("id", 1));
    }

    @PutMapping("/api/products/{id}")
    Map<String, Object> put(@PathVariable("id") int id) {
      return Map.of("id", id);
    }

    @GetMapping("/api/boom")
    Mono<Map<String, Object>> boom() {
      return Mono.error(new IllegalStateException("the controller failed"));
    }

    /** Answered later, on another scheduler than the event loop. */
    @GetMapping("/api/delayed")
    Mono<Map<String, Object>> delayed() {
      return Mono.delay(Duration.ofMillis(50), Schedulers.parallel())
          .map(tick -> Map.of("async", "delayed", "thread", Thread.currentThread().getName()));
    }
  }
}
