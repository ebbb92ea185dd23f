package example;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
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

/** A reactive products API behind HTTP Basic. Its CORS is in application.yml; no CORS code here. */
@SpringBootApplication
public class Application {
  public static void main(String[] args) {
    SpringApplication.run(Application.class, args);
  }

  @Bean
  SecurityWebFilterChain security(ServerHttpSecurity http) {
    // No http.cors(): jcors runs before this chain, answers preflights and keeps the CORS
    // headers on the 401s this chain sends.
    return http.authorizeExchange(exchanges -> exchanges.anyExchange().authenticated())
        .httpBasic(Customizer.withDefaults())
        .csrf(csrf -> csrf.disable())
        .build();
  }

  @RestController
  static class Products {
    @GetMapping("/api/products")
    Mono<ResponseEntity<List<Map<String, Object>>>> list() {
      // As a reactive repository answers: later, on another thread.
      return Mono.delay(Duration.ofMillis(20))
          .map(
              tick ->
                  ResponseEntity.ok()
                      .header("X-Total-Count", "1")
                      .body(List.of(Map.<String, Object>of("id", 1, "name", "Lamp"))));
    }

    @PutMapping("/api/products/{id}")
    Mono<Map<String, Object>> update(@PathVariable("id") int id) {
      return Mono.just(Map.of("id", id, "updated", true));
    }
  }
}
