package dev.stoker.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

/**
 * Lets web slice tests in other packages use the production web wiring, which is
 * package-private.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import(WebConfig.class)
public class WebConfigForTests {

}
