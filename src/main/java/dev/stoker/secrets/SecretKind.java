package dev.stoker.secrets;

/**
 * The secrets a cluster has, each in a column of its own. A value's associated data names
 * its cluster row and its kind, which is what makes a value moved elsewhere fail to
 * decrypt.
 */
enum SecretKind {

	BOOTSTRAP_TOKEN("bootstrap-token"), CERTIFICATE_KEY("certificate-key"), CA_CERTIFICATE("ca-certificate"),
	CA_KEY("ca-key"), FETCH_TOKEN("fetch-token"), FRONT_PROXY_CA_CERTIFICATE("front-proxy-ca-certificate"),
	FRONT_PROXY_CA_KEY("front-proxy-ca-key"), ETCD_CA_CERTIFICATE("etcd-ca-certificate"), ETCD_CA_KEY("etcd-ca-key"),
	SERVICE_ACCOUNT_KEY("service-account-key"), SERVICE_ACCOUNT_PUBLIC_KEY("service-account-public-key"),
	KEEPER_TOKEN("keeper-token"), RETIRED_BOOTSTRAP_TOKEN("retired-bootstrap-token"), REPORT_TOKEN("report-token");

	private final String label;

	SecretKind(String label) {
		this.label = label;
	}

	/**
	 * {@code cluster:<row id>:<kind>}. The row id rather than the name: a cluster deleted
	 * and created again under the same name is another row, and the old one's values do
	 * not fit the new one.
	 */
	String associatedData(long clusterId) {
		return "cluster:" + clusterId + ":" + label;
	}

	/**
	 * {@code cluster:<row id>:<kind>:<group>}, for the secrets a cluster has one of per
	 * node group.
	 */
	String associatedData(long clusterId, String group) {
		return associatedData(clusterId) + ":" + group;
	}

}
