/**
 * What a CNI needs to know of a cluster after boot: Helm values for the Cilium chart,
 * derived from the stored definition by a pure renderer
 * ({@link dev.stoker.cni.CiliumValues}) and answered to the admin by a thin controller.
 */
package dev.stoker.cni;
