package dev.stoker;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import dev.stoker.definition.ClusterDefinition;
import dev.stoker.definition.NodeAddressSource;
import dev.stoker.definition.validation.ClusterValidator;
import dev.stoker.json.Mappers;
import dev.stoker.json.WireEnum;
import dev.stoker.net.IpFamily;
import dev.stoker.platform.AddressVariable;
import dev.stoker.platform.AfterburnVersion;
import dev.stoker.platform.Platform;
import dev.stoker.problem.ProblemType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables of the documentation that restate the code are checked against it, both
 * ways: no row missing, none extra, none wrong. And the pages hold together: every
 * relative link and anchor resolves, and the README links every page.
 */
class DocsReferenceTest {

	private static final Markdown DEFINITION = Markdown.read(Markdown.DOCS.resolve("cluster-definition.md"));

	private static final Markdown API = Markdown.read(Markdown.DOCS.resolve("api.md"));

	private static final Markdown DEVELOPMENT = Markdown.read(Markdown.DOCS.resolve("development.md"));

	private static final Pattern CODE = Pattern.compile("`([^`]+)`");

	/** A curl command and its arguments, up to the end of its line or pipe. */
	private static final Pattern CURL = Pattern.compile("(?:^|[\\s($`])curl\\s(.*)");

	private static final Pattern WRITTEN_REVISION = Pattern.compile("If-(?:None-)?Match: *\\\\?\"?[0-9]+");

	private static final Pattern VARIABLE = Pattern.compile("`(COREOS_[A-Z0-9_]+)`");

	private static final String NOT_OFFERED = ", not yet offered";

	/** The smallest definition: every field the table gives a default is left out. */
	private static final String MINIMAL_DEFINITION = """
			{"name": "docs", "kubernetesVersion": "v1.33.2", "platform": "aws",
			 "controlPlaneEndpoint": {"host": "k8s.example.internal"},
			 "networking": {"podSubnets": ["10.244.0.0/16"], "serviceSubnets": ["10.96.0.0/16"]}}
			""";

	@Test
	void thePlatformTableHasEveryPlatformOnce() {
		List<String> documented = platformRows().stream().map(row -> code(row.get(0))).toList();
		assertThat(documented).doesNotHaveDuplicates()
			.containsExactlyInAnyOrderElementsOf(Arrays.stream(Platform.values()).map(Platform::wireName).toList());
	}

	@Test
	void thePlatformTableNamesEachVariableAndTheAfterburnThatWritesIt() {
		for (List<String> row : platformRows()) {
			Platform platform = Arrays.stream(Platform.values())
				.filter(p -> p.wireName().equals(code(row.get(0))))
				.findFirst()
				.orElseThrow();
			assertVariable(platform, IpFamily.IPV4, row.get(1), row.get(2));
			assertVariable(platform, IpFamily.IPV6, row.get(3), row.get(4));
			if (platform.unusableAddresses().isPresent()) {
				assertThat(row.get(1)).as(platform.wireName()).isEqualTo("none usable");
				assertThat(row.get(5)).as("%s says why", platform.wireName()).isNotEmpty();
			}
			assertThat(code(row.get(6)))
				.as("%s: the default address source of a dual-stack cluster", platform.wireName())
				.isEqualTo(NodeAddressSource.defaultFor(platform, List.of(IpFamily.IPV4, IpFamily.IPV6), false)
					.wireName());
		}
		assertThat(DEFINITION.section("Platforms"))
			.contains("ship Afterburn " + AfterburnVersion.SHIPPED_BY_FLATCAR + " ");
	}

	private static void assertVariable(Platform platform, IpFamily family, String variableCell, String versionCell) {
		String what = platform.wireName() + " " + family;
		Optional<AddressVariable> listed = platform.listedAddress(family);
		Matcher variable = VARIABLE.matcher(variableCell);
		if (listed.isEmpty()) {
			assertThat(variableCell).as(what).startsWith("none");
			assertThat(versionCell).as(what).isEmpty();
			return;
		}
		assertThat(variable.matches()).as("%s: %s", what, variableCell).isTrue();
		assertThat(variable.group(1)).as(what).isEqualTo(listed.get().name());
		assertThat(versionCell).as(what)
			.isEqualTo(listed.get().since() + (listed.get().isShipped() ? "" : NOT_OFFERED));
	}

	private static List<List<String>> platformRows() {
		return Markdown.table(DEFINITION.section("Platforms"), "platform");
	}

	@Test
	void theProblemTableHasEveryTypeWithItsStatusAndTitle() {
		Map<String, String> documented = new LinkedHashMap<>();
		for (List<String> row : Markdown.table(API.section("Problem types"), "`type`")) {
			String type = code(row.get(0));
			assertThat(documented.put(type, row.get(1) + " " + row.get(2))).as("%s listed twice", type).isNull();
		}
		Map<String, String> catalog = Arrays.stream(ProblemType.values())
			.collect(Collectors.toMap(p -> p.type().toString(), p -> p.status().value() + " " + p.title()));
		assertThat(documented).containsExactlyInAnyOrderEntriesOf(catalog);
	}

	@Test
	void theFieldTableHasEveryFieldOfTheDefinition() {
		Map<String, Class<?>> fields = new LinkedHashMap<>();
		fields("", ClusterDefinition.class, fields);
		List<String> documented = fieldRows().stream().map(row -> code(row.get(0))).toList();
		assertThat(documented).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(fields.keySet());
	}

	@Test
	void theFieldTableListsTheValuesOfEachEnumeration() {
		Map<String, Class<?>> fields = new LinkedHashMap<>();
		fields("", ClusterDefinition.class, fields);
		for (List<String> row : fieldRows()) {
			Class<?> type = fields.get(code(row.get(0)));
			// the platform ids have a table of their own
			if (type != null && type.isEnum() && WireEnum.class.isAssignableFrom(type) && type != Platform.class) {
				Set<String> wireNames = Arrays.stream(type.getEnumConstants())
					.map(constant -> ((WireEnum) constant).wireName())
					.collect(Collectors.toSet());
				assertThat(codes(row.get(1))).as(row.get(0)).isEqualTo(wireNames);
			}
		}
	}

	@Test
	void theFieldTableGivesTheDefaultsThatAreStored() {
		JsonNode stored = Mappers.json()
			.valueToTree(new ClusterValidator().validate(Mappers.json().readTree(MINIMAL_DEFINITION)).definition());
		int checked = 0;
		for (List<String> row : fieldRows()) {
			Matcher single = Pattern.compile("`([^`]*)`").matcher(row.get(2));
			if (!single.matches()) {
				continue;
			}
			// a list item's field: its default is that of the first item
			String pointer = "/" + code(row.get(0)).replace("[].", "/0/").replace('.', '/');
			JsonNode value = stored.at(pointer);
			assertThat(value.isMissingNode()).as("%s is stored", row.get(0)).isFalse();
			String text = value.isValueNode() ? value.asString() : Mappers.json().writeValueAsString(value);
			assertThat(text).as("the default of %s", row.get(0)).isEqualTo(single.group(1));
			checked++;
		}
		assertThat(checked).isGreaterThan(10);
	}

	private static List<List<String>> fieldRows() {
		return Markdown.table(DEFINITION.section("Fields"), "field");
	}

	/**
	 * The fields as the definition's JSON names them, {@code a.b} for an object's field
	 * and {@code a[].b} for a list item's, with the type of each.
	 */
	private static void fields(String prefix, Class<?> record, Map<String, Class<?>> fields) {
		for (RecordComponent component : record.getRecordComponents()) {
			String path = prefix + component.getName();
			fields.put(path, component.getType());
			Class<?> element = listElement(component.getGenericType());
			if (component.getType().isRecord()) {
				fields(path + ".", component.getType(), fields);
			}
			else if (element != null && element.isRecord()) {
				fields(path + "[].", element, fields);
			}
		}
	}

	private static Class<?> listElement(Type type) {
		if (type instanceof ParameterizedType list && list.getRawType() == List.class
				&& list.getActualTypeArguments()[0] instanceof Class<?> element) {
			return element;
		}
		return null;
	}

	@Test
	void thePackageTableHasEveryPackage() throws IOException {
		Path sources = Path.of("src/main/java/dev/stoker");
		Set<String> packages;
		try (Stream<Path> files = Files.walk(sources)) {
			packages = files.filter(file -> file.toString().endsWith(".java"))
				.map(file -> sources.relativize(file.getParent()).toString().replace('/', '.'))
				.filter(name -> !name.isEmpty())
				.collect(Collectors.toSet());
		}
		List<String> documented = Markdown.table(DEVELOPMENT.section("Code layout"), "package")
			.stream()
			.map(row -> code(row.get(0)))
			.toList();
		assertThat(documented).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(packages);
	}

	@ParameterizedTest(name = "the classes {0} names exist")
	@MethodSource("linkedPages")
	void everyClassNamedExists(Markdown page) {
		Matcher named = Pattern.compile("dev\\.stoker(?:\\.[a-z]+)+\\.[A-Z]\\w*").matcher(page.text());
		while (named.find()) {
			String file = named.group().replace('.', '/') + ".java";
			assertThat(Files.exists(Path.of("src/main/java", file)) || Files.exists(Path.of("src/test/java", file)))
				.as("%s names %s", page, named.group())
				.isTrue();
		}
	}

	/** The README, the pages under docs/ and the chart's README, which links back. */
	static List<Markdown> linkedPages() {
		List<Markdown> pages = new ArrayList<>(Markdown.pages());
		pages.add(Markdown.read(Path.of("helm/stoker/README.md")));
		return pages;
	}

	@ParameterizedTest(name = "the relative links of {0} resolve")
	@MethodSource("linkedPages")
	void everyRelativeLinkResolvesToAFileAndAnchor(Markdown page) {
		for (String link : page.links()) {
			if (link.matches("[a-z]+:.*")) {
				continue;
			}
			int hash = link.indexOf('#');
			String file = (hash < 0) ? link : link.substring(0, hash);
			Path target = file.isEmpty() ? page.path()
					: Optional.ofNullable(page.path().getParent()).orElse(Path.of("")).resolve(file).normalize();
			assertThat(target).as("%s links %s", page, link).exists();
			assertThat(target.toAbsolutePath().startsWith(Path.of("").toAbsolutePath()))
				.as("%s links %s, outside the repository", page, link)
				.isTrue();
			if (hash >= 0) {
				assertThat(target.toString()).as("%s links an anchor of %s", page, link).endsWith(".md");
				assertThat(Markdown.read(target).anchors()).as("%s links %s", page, link)
					.contains(link.substring(hash + 1));
			}
		}
	}

	@Test
	void theReadmeLinksEveryPage() {
		Set<Path> linked = new HashSet<>();
		for (String link : Markdown.read(Markdown.README).links()) {
			linked.add(Path.of(link.replaceAll("#.*", "")).normalize());
		}
		assertThat(linked).containsAll(Markdown.docs());
	}

	/**
	 * curl's {@code -f} drops the body of an error answer, which is where Stoker says
	 * what is wrong: every example asks with {@code --fail-with-body} instead.
	 */
	@Test
	void noCurlExampleHidesTheErrorBody() throws IOException {
		List<Path> files = new ArrayList<>(linkedPages().stream().map(Markdown::path).toList());
		files.add(Path.of("helm/stoker/templates/NOTES.txt"));
		List<String> hiding = new ArrayList<>();
		int commands = 0;
		for (Path file : files) {
			String text = Files.readString(file).replace("\\\n", " ");
			for (String line : text.split("\n")) {
				for (String command : line.split("\\|")) {
					Matcher curl = CURL.matcher(command);
					if (!curl.find()) {
						continue;
					}
					commands++;
					for (String option : curl.group(1).split("\\s+")) {
						if (option.matches("-[A-Za-z]*f[A-Za-z]*") || option.equals("--fail")) {
							hiding.add(file + ": " + command.strip());
						}
					}
				}
			}
		}
		assertThat(commands).isGreaterThan(10);
		assertThat(hiding).isEmpty();
	}

	/**
	 * A command that names a revision reads it first: a revision written into the page
	 * holds only for the first run on an empty store.
	 */
	@Test
	void noCommandAssumesARevision() {
		List<String> assuming = new ArrayList<>();
		for (Markdown page : Markdown.pages()) {
			for (String commands : page.codeBlocks("sh")) {
				Matcher revision = WRITTEN_REVISION.matcher(commands);
				while (revision.find()) {
					assuming.add(page + ": " + revision.group());
				}
			}
		}
		assertThat(assuming).isEmpty();
	}

	/** The text of the one code span a cell holds. */
	private static String code(String cell) {
		Matcher m = CODE.matcher(cell);
		assertThat(m.matches()).as("a cell of one code span: %s", cell).isTrue();
		return m.group(1);
	}

	private static Set<String> codes(String cell) {
		Set<String> codes = new HashSet<>();
		Matcher m = CODE.matcher(cell);
		while (m.find()) {
			codes.add(m.group(1));
		}
		return codes;
	}

}
