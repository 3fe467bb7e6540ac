package dev.stoker.ignition;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import dev.stoker.butane.ButaneConfig;
import dev.stoker.butane.ButaneConfig.File;
import dev.stoker.butane.ButaneConfig.Resource;
import dev.stoker.butane.ButaneConfig.Storage;
import dev.stoker.butane.FileText;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a file holds, the node gets exactly those bytes, and always the same URL. */
class ButaneTranspilerPropertyTest {

	@Property
	void anyBytesComeBackFromTheDataUrl(@ForAll("contents") byte[] contents) {
		DataUrl.Encoded encoded = DataUrl.encode(contents, null);

		assertThat(encoded.compression()).isIn("", "gzip");
		assertThat(DataUrls.contents(new IgnitionConfig.Resource(encoded.compression(), null, encoded.source(), null)))
			.isEqualTo(contents);
	}

	@Property
	void theDataUrlIsTheShortestOfTheThreeEncodings(@ForAll("contents") byte[] contents) {
		DataUrl.Encoded encoded = DataUrl.encode(contents, null);
		int cost = encoded.source().length() + encoded.compression().length();

		assertThat(cost).isLessThanOrEqualTo(("data:," + DataUrl.escape(contents)).length())
			.isLessThanOrEqualTo(("data:;base64," + Base64.getEncoder().encodeToString(contents)).length());
		assertThat(encoded.source()).matches("data:[;a-z0-9]*,[A-Za-z0-9%\\-_.!~*'()+/=]*");
	}

	@Property
	void contentsTheUserCompressedAreNeverCompressedAgain(@ForAll("contents") byte[] contents) {
		DataUrl.Encoded encoded = DataUrl.encode(contents, "gzip");

		assertThat(encoded.compression()).isEqualTo("gzip");
		assertThat(DataUrls.decode(encoded.source())).isEqualTo(contents);
	}

	@Property
	void anyTextInAFileReachesTheNodeUnchanged(@ForAll("text") String text) {
		IgnitionConfig.Resource contents = transpile(text).storage().files().get(0).contents();

		assertThat(new String(DataUrls.contents(contents), StandardCharsets.UTF_8)).isEqualTo(text);
	}

	@Property
	void theSameConfigGivesTheSameBytes(@ForAll("text") String text) {
		String first = IgnitionJson.write(transpile(text));
		String second = IgnitionJson.write(transpile(new String(text.toCharArray())));

		assertThat(second).isEqualTo(first);
	}

	private static IgnitionConfig transpile(String text) {
		return ButaneTranspiler.transpile(ButaneConfig.flatcar("1.0.0",
				new Storage(List.of(new File("/etc/f", true, Resource.inline(text), null, 0600, null, null)), null,
						null),
				null, null));
	}

	@Provide
	Arbitrary<byte[]> contents() {
		Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
		Arbitrary<byte[]> repetitive = text().map((text) -> text.repeat(20).getBytes(StandardCharsets.UTF_8));
		return Arbitraries.oneOf(random, repetitive, text().map((text) -> text.getBytes(StandardCharsets.UTF_8)));
	}

	@Provide
	Arbitrary<String> text() {
		return FileText.any();
	}

}
