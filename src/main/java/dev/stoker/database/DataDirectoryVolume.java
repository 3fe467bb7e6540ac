package dev.stoker.database;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.stoker.StokerProperties;
import dev.stoker.WritableDataDirectory;

/**
 * The data directory, where the embedded database lives by default, probed as at start: a
 * file written, forced to disk and removed.
 */
@Component
class DataDirectoryVolume implements DataVolume {

	private static final Logger log = LoggerFactory.getLogger(DataDirectoryVolume.class);

	private final StokerProperties properties;

	DataDirectoryVolume(StokerProperties properties) {
		this.properties = properties;
	}

	@Override
	public boolean takesWrites() {
		try {
			WritableDataDirectory.probe(properties.dataDir());
			return true;
		}
		catch (IOException ex) {
			log.debug("The data directory takes no write: {}", ex.getMessage());
			return false;
		}
	}

}
