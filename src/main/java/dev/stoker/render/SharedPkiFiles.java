package dev.stoker.render;

import java.util.ArrayList;
import java.util.List;

import dev.stoker.secrets.ClusterCa;
import dev.stoker.secrets.ControlPlanePki;

/**
 * The files kubeadm's "manual certificate distribution" names, which every control plane
 * must share
 * (https://kubernetes.io/docs/setup/production-environment/tools/kubeadm/high-availability/#manual-certs),
 * by their paths relative to the certificate directory: kubeadm init and a control-plane
 * join use each one they find instead of generating it or downloading the uploaded
 * certificates (cmd/kubeadm/app/phases/certs: an existing CA must be a CA and its key
 * must load; an existing sa.key must load, and a join checks that sa.pub is there too).
 * Private keys are readable by root only.
 */
final class SharedPkiFiles {

	/** A file under the certificate directory, and its mode. */
	record PkiFile(String relativePath, String contents, int mode) {

		@Override
		public String toString() {
			return "PkiFile[" + relativePath + "]";
		}

	}

	private SharedPkiFiles() {
	}

	/** The cluster CA and, when the cluster has one, the control-plane PKI. */
	static List<PkiFile> of(ClusterCa ca, ControlPlanePki pki) {
		List<PkiFile> files = new ArrayList<>(ca("ca", ca));
		if (pki != null) {
			files.addAll(ca("front-proxy-ca", pki.frontProxyCa()));
			files.addAll(ca("etcd/ca", pki.etcdCa()));
			files.add(new PkiFile("sa.key", pki.serviceAccount().privateKeyPem(), NodeFiles.SECRET));
			files.add(new PkiFile("sa.pub", pki.serviceAccount().publicKeyPem(), NodeFiles.PUBLIC));
		}
		return List.copyOf(files);
	}

	private static List<PkiFile> ca(String baseName, ClusterCa ca) {
		return List.of(new PkiFile(baseName + ".crt", ca.certificatePem(), NodeFiles.PUBLIC),
				new PkiFile(baseName + ".key", ca.privateKeyPem(), NodeFiles.SECRET));
	}

}
