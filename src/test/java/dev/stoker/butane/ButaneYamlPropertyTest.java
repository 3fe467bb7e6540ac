package dev.stoker.butane;

import java.util.List;

import dev.stoker.butane.ButaneConfig.Dropin;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Resource;
import dev.stoker.butane.ButaneConfig.Storage;
import dev.stoker.butane.ButaneConfig.Systemd;
import dev.stoker.butane.ButaneConfig.Unit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Literal blocks and minimal quoting never change what a file or unit holds. */
class ButaneYamlPropertyTest {

	@Property
	void anyTextSurvivesTheYaml(@ForAll("text") String text, @ForAll("text") String path) {
		ButaneConfig config = ButaneConfig.flatcar("1.0.0",
				new Storage(List.of(new File("/" + path, null, Resource.inline(text), null, 0600, null, null)), null,
						null),
				new Systemd(List.of(new Unit("a.service", null, null, text, List.of(new Dropin("10.conf", text))))),
				null);

		assertThat(ButaneYaml.read(ButaneYaml.write(config))).isEqualTo(config);
	}

	@Provide
	Arbitrary<String> text() {
		return FileText.any();
	}

}
