package dev.stoker.butane;

import java.util.List;

import dev.stoker.butane.ButaneConfig.Dropin;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Resource;
import dev.stoker.butane.ButaneConfig.Storage;
import dev.stoker.butane.ButaneConfig.Systemd;
import dev.stoker.butane.ButaneConfig.Unit;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Literal blocks and minimal quoting never change what a file or unit holds: a config is
 * either written so that it reads back exactly, or refused.
 */
class ButaneYamlPropertyTest {

	@Property
	void anyTextSurvivesTheYaml(@ForAll("text") String text, @ForAll("text") String path) {
		ButaneConfig config = ButaneConfig.flatcar("1.0.0",
				new Storage(List.of(new File("/" + path, null, Resource.inline(text), null, 0600, null, null)), null,
						null),
				new Systemd(List.of(new Unit("a.service", null, null, text, List.of(new Dropin("10.conf", text))))),
				null);
		assertReadsBackOrIsRefused(config);
	}

	/**
	 * The case the property found: NEL inside multi-line text broke the literal block.
	 */
	@Example
	void aNextLineInMultiLineTextIsRefusedNotGarbled() {
		assertThatIllegalArgumentException().isThrownBy(() -> ButaneYaml.write(unit("\n\u0085%")));
		for (String text : List.of("a\n\u2028b\n", "x\u007f", "\u2029", "\u0085")) {
			assertReadsBackOrIsRefused(unit(text));
		}
	}

	@Provide
	Arbitrary<String> text() {
		return FileText.any();
	}

	private static ButaneConfig unit(String contents) {
		return ButaneConfig.flatcar("1.0.0", null,
				new Systemd(List.of(new Unit("a.service", null, null, contents, null))), null);
	}

	private static void assertReadsBackOrIsRefused(ButaneConfig config) {
		String yaml;
		try {
			yaml = ButaneYaml.write(config);
		}
		catch (IllegalArgumentException refused) {
			assertThat(refused).hasMessageContaining("YAML readers disagree");
			return;
		}
		assertThat(ButaneYaml.read(yaml)).isEqualTo(config);
	}

}
