package dev.stoker.definition.validation;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static dev.stoker.definition.validation.OpenSshKeys.bytes;
import static dev.stoker.definition.validation.OpenSshKeys.concat;
import static dev.stoker.definition.validation.OpenSshKeys.line;
import static dev.stoker.definition.validation.OpenSshKeys.text;
import static org.assertj.core.api.Assertions.assertThat;

class SshPublicKeyTest {

	private static final String ED25519 = OpenSshKeys.ed25519();

	private static final String RSA_2048 = OpenSshKeys.rsa(2048);

	@Test
	void acceptsEd25519() {
		assertThat(SshPublicKey.check(ED25519)).isEmpty();
	}

	@Test
	void acceptsEcdsaOnEachNistCurve() {
		assertThat(SshPublicKey.check(OpenSshKeys.ecdsa("secp256r1", "nistp256", 32))).isEmpty();
		assertThat(SshPublicKey.check(OpenSshKeys.ecdsa("secp384r1", "nistp384", 48))).isEmpty();
		assertThat(SshPublicKey.check(OpenSshKeys.ecdsa("secp521r1", "nistp521", 66))).isEmpty();
	}

	@Test
	void acceptsRsaOf2048Bits() {
		assertThat(SshPublicKey.check(RSA_2048)).isEmpty();
	}

	@Test
	void refusesRsaOf1024BitsAndSaysWhatToUse() {
		assertThat(SshPublicKey.check(OpenSshKeys.rsa(1024))).hasValueSatisfying(
				detail -> assertThat(detail).contains("1024-bit RSA key", "at least 2048 bits", "ssh-ed25519"));
	}

	@Test
	void refusesRsaOneBitShortOf2048() {
		assertThat(SshPublicKey.check(OpenSshKeys.rsa(2047)))
			.hasValueSatisfying(detail -> assertThat(detail).contains("2047-bit"));
	}

	@Test
	void acceptsSecurityKeys() {
		byte[] ed25519Key = new byte[32];
		assertThat(SshPublicKey.check(line("sk-ssh-ed25519@openssh.com", text("sk-ssh-ed25519@openssh.com"),
				bytes(ed25519Key), text("ssh:"))))
			.isEmpty();
		String ecdsa = OpenSshKeys.ecdsa("secp256r1", "nistp256", 32);
		byte[] point = wire(ecdsa);
		byte[] afterType = Arrays.copyOfRange(point, 4 + "ecdsa-sha2-nistp256".length(), point.length);
		assertThat(SshPublicKey.check(line("sk-ecdsa-sha2-nistp256@openssh.com",
				text("sk-ecdsa-sha2-nistp256@openssh.com"), afterType, text("ssh:"))))
			.isEmpty();
	}

	@Test
	void refusesASecurityKeyWithoutItsApplication() {
		assertThat(SshPublicKey
			.check(line("sk-ssh-ed25519@openssh.com", text("sk-ssh-ed25519@openssh.com"), bytes(new byte[32]))))
			.hasValueSatisfying(detail -> assertThat(detail).contains("truncated or corrupt"));
	}

	@Test
	void refusesABlobOfAnotherKeyType() {
		String rsaBlob = RSA_2048.split(" ")[1];
		assertThat(SshPublicKey.check("ssh-ed25519 " + rsaBlob))
			.hasValueSatisfying(detail -> assertThat(detail).contains("encoded type is not ssh-ed25519"));
		String ecdsaBlob = OpenSshKeys.ecdsa("secp384r1", "nistp384", 48).split(" ")[1];
		assertThat(SshPublicKey.check("ecdsa-sha2-nistp256 " + ecdsaBlob))
			.hasValueSatisfying(detail -> assertThat(detail).contains("encoded type is not ecdsa-sha2-nistp256"));
	}

	@Test
	void refusesAnEd25519KeyOfTheWrongLength() {
		assertThat(SshPublicKey.check(line("ssh-ed25519", text("ssh-ed25519"), bytes(new byte[31]))))
			.hasValueSatisfying(detail -> assertThat(detail).contains("not 32 bytes"));
	}

	@Test
	void refusesTrailingBytes() {
		byte[] blob = concat(wire(ED25519), new byte[] { 0 });
		assertThat(SshPublicKey.check("ssh-ed25519 " + Base64.getEncoder().encodeToString(blob)))
			.hasValueSatisfying(detail -> assertThat(detail).contains("trailing bytes"));
	}

	@Test
	void refusesATruncatedKey() {
		byte[] blob = wire(RSA_2048);
		byte[] cut = Arrays.copyOf(blob, blob.length - 10);
		assertThat(SshPublicKey.check("ssh-rsa " + Base64.getEncoder().encodeToString(cut)))
			.hasValueSatisfying(detail -> assertThat(detail).contains("truncated or corrupt ssh-rsa key"));
	}

	@Test
	void refusesALengthThatReadsAsNegative() {
		byte[] blob = concat(text("ssh-ed25519"), new byte[] { (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff });
		assertThat(SshPublicKey.check("ssh-ed25519 " + Base64.getEncoder().encodeToString(blob)))
			.hasValueSatisfying(detail -> assertThat(detail).contains("truncated or corrupt"));
	}

	@ParameterizedTest(name = "refuses the blob \"{0}\"")
	@ValueSource(strings = { "AAAA!!!!", "AAAAC3NzaC1lZDI1NTE5-_", "AAAAC3NzaC1lZDI1NTE5AAAAI===", "%%%" })
	void refusesBlobsThatAreNotBase64(String blob) {
		assertThat(SshPublicKey.check("ssh-ed25519 " + blob)).hasValue("has a key that is not valid base64");
	}

	@ParameterizedTest(name = "refuses the options \"{0}\"")
	@ValueSource(strings = { "no-pty", "no-port-forwarding,no-agent-forwarding", "from=\"10.0.0.0/8\"",
			"command=\"/bin/true\"", "restrict", "cert-authority" })
	void refusesAuthorizedKeysOptions(String options) {
		assertThat(SshPublicKey.check(options + " " + ED25519))
			.hasValueSatisfying(detail -> assertThat(detail).contains("options are not supported"));
	}

	@ParameterizedTest(name = "refuses U+{0}")
	@ValueSource(ints = { 0x0a, 0x0d, 0x09, 0x00, 0x1b, 0x7f })
	void refusesControlCharacters(int character) {
		String withControl = ED25519.replace(" test@stoker", (char) character + "test@stoker");
		assertThat(SshPublicKey.check(withControl)).hasValue("must be a single line without control characters");
	}

	@ParameterizedTest(name = "refuses the type \"{0}\"")
	@ValueSource(strings = { "ssh-dss", "SSH-ED25519", "ssh-ed448", "x509v3-sign-rsa", "" })
	void refusesOtherKeyTypes(String type) {
		String blob = ED25519.split(" ")[1];
		assertThat(SshPublicKey.check(type + " " + blob))
			.hasValueSatisfying(detail -> assertThat(detail).startsWith("must be an OpenSSH public key"));
	}

	@Test
	void refusesATypeWithoutItsKey() {
		assertThat(SshPublicKey.check("ssh-ed25519")).hasValue("must have the base64 key after the key type");
		assertThat(SshPublicKey.check("ssh-ed25519   ")).hasValue("must have the base64 key after the key type");
	}

	@Test
	void acceptsCommentsWithSpacesAndRunsOfSpaces() {
		String[] parts = ED25519.split(" ");
		assertThat(SshPublicKey.check(parts[0] + "   " + parts[1] + " ops team laptop (2024)")).isEmpty();
		assertThat(SshPublicKey.check(parts[0] + " " + parts[1])).isEmpty();
	}

	private static byte[] wire(String line) {
		return Base64.getDecoder().decode(line.split(" ")[1]);
	}

}
