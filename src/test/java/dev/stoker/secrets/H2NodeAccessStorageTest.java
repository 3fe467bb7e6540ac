package dev.stoker.secrets;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** What node access keeps, on the embedded H2 database. */
@SpringBootTest
class H2NodeAccessStorageTest implements NodeAccessStorageContract {

	@TempDir
	static Path dataDir;

	@DynamicPropertySource
	static void embeddedDatabase(DynamicPropertyRegistry registry) {
		registry.add("stoker.data-dir", dataDir::toString);
	}

	@Autowired
	ApplicationContext context;

	@Override
	public ApplicationContext context() {
		return context;
	}

}
