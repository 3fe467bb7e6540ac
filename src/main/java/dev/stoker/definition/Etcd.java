package dev.stoker.definition;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The etcd kubeadm runs on every control plane: always local (stacked), since Stoker
 * generates the etcd CA its members share.
 */
public record Etcd(@Schema(description = "The stacked etcd member of each control plane") LocalEtcd local) {
}
