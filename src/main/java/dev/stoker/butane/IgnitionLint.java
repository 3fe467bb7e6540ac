package dev.stoker.butane;

import java.util.List;

import dev.stoker.butane.ButaneConfig.Ignition;
import dev.stoker.butane.ButaneConfig.Resource;
import dev.stoker.json.Mappers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The {@code ignition} section: configs to merge or replace, CA bundles and the proxy.
 */
final class IgnitionLint {

	private IgnitionLint() {
	}

	static void check(Ignition ignition, boolean spec110, Findings findings) {
		if (ignition.config() != null) {
			List<Resource> merge = Findings.orEmpty(ignition.config().merge());
			for (int i = 0; i < merge.size(); i++) {
				config("/ignition/config/merge/" + i, merge.get(i), spec110, findings);
			}
			findings.duplicates("/ignition/config/merge", merge, Resources::key,
					"repeats an earlier config: merge each config once");
			if (ignition.config().replace() != null) {
				config("/ignition/config/replace", ignition.config().replace(), spec110, findings);
			}
		}
		if (ignition.security() != null && ignition.security().tls() != null) {
			List<Resource> authorities = Findings.orEmpty(ignition.security().tls().certificateAuthorities());
			for (int i = 0; i < authorities.size(); i++) {
				Resources.check("/ignition/security/tls/certificate_authorities/" + i, authorities.get(i), spec110,
						true, findings);
			}
			findings.duplicates("/ignition/security/tls/certificate_authorities", authorities, Resources::key,
					"repeats an earlier certificate bundle: give each once");
		}
		if (ignition.proxy() != null) {
			proxy(ignition.proxy(), findings);
		}
	}

	/**
	 * A config to merge or replace: a resource whose source Ignition requires, and whose
	 * inline text butane parses as an Ignition config ({@code ValidateIgnitionConfig}),
	 * warning when its version is not the one of this spec.
	 */
	private static void config(String at, Resource resource, boolean spec110, Findings findings) {
		Resources.check(at, resource, spec110, true, findings);
		if (resource.inline() == null) {
			return;
		}
		JsonNode config;
		try {
			config = Mappers.json().readTree(resource.inline());
		}
		catch (JacksonException ex) {
			config = null;
		}
		if (config == null || !config.isObject()) {
			findings.add(at + "/inline", "must be an Ignition config: a JSON object with ignition.version");
			return;
		}
		JsonNode version = config.path("ignition").path("version");
		String expected = spec110 ? "3.4.0" : "3.3.0";
		if (!version.isString() || !expected.equals(version.asString())) {
			findings.add(at + "/inline", "must be an Ignition config of version " + expected
					+ ", the version of this Butane spec: butane cannot check another version");
		}
	}

	/** Ignition's {@code Proxy.Validate}. */
	private static void proxy(ButaneConfig.Proxy proxy, Findings findings) {
		if (proxy.httpProxy() != null) {
			String scheme = Resources.scheme(proxy.httpProxy());
			if (!"http".equals(scheme) && !"https".equals(scheme)) {
				findings.add("/ignition/proxy/http_proxy", "must be an http or https URL");
			}
		}
		if (proxy.httpsProxy() != null) {
			String scheme = Resources.scheme(proxy.httpsProxy());
			if (!"http".equals(scheme) && !"https".equals(scheme)) {
				findings.add("/ignition/proxy/https_proxy", "must be an http or https URL");
			}
			else if ("http".equals(scheme)) {
				findings.add("/ignition/proxy/https_proxy",
						"is a plain http proxy for https fetches, which Ignition warns about: use an https proxy URL");
			}
		}
		findings.duplicates("/ignition/proxy/no_proxy", proxy.noProxy(), (p) -> p,
				"repeats an earlier entry: give each once");
	}

}
