{{/* The chart name, or nameOverride. */}}
{{- define "stoker.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
The name of every resource: fullnameOverride, else the release name, suffixed with the chart
name unless the release name already holds it. 63 characters at most (DNS label).
*/}}
{{- define "stoker.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Chart name and version, for the helm.sh/chart label. */}}
{{- define "stoker.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels on every resource. */}}
{{- define "stoker.labels" -}}
helm.sh/chart: {{ include "stoker.chart" . }}
{{ include "stoker.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Labels that select the pods; they never change after install. */}}
{{- define "stoker.selectorLabels" -}}
app.kubernetes.io/name: {{ include "stoker.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* The ServiceAccount the pods run as. */}}
{{- define "stoker.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "stoker.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret holding the admin token, the master key and the database password. */}}
{{- define "stoker.secretName" -}}
{{- default (include "stoker.fullname" .) .Values.existingSecret }}
{{- end }}

{{/*
The image reference. No registry serves a Stoker image, so a default repository would name
one that does not exist and the pods would wait in ImagePullBackOff: the repository is
required, and the message says how to make the image.
*/}}
{{- define "stoker.image" -}}
{{- $tag := .Values.image.tag | default .Chart.AppVersion }}
{{- $repository := required (printf "image.repository is required: no registry serves a Stoker image. Build it from the repository's Dockerfile (docker build -t registry.example.com/stoker:%s .) and push it to a registry the cluster pulls from (docker push registry.example.com/stoker:%s), or load it into a local cluster (kind load docker-image registry.example.com/stoker:%s, or minikube image load registry.example.com/stoker:%s); then set image.repository=registry.example.com/stoker and image.tag=%s" $tag $tag $tag $tag $tag) .Values.image.repository }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}

{{/*
Refuses combinations that would lose data: the embedded database lives in one pod's volume,
so a second replica would start an empty database of its own.
*/}}
{{- define "stoker.validate" -}}
{{- if and .Values.embeddedDatabase.enabled (ne (int .Values.replicaCount) 1) }}
{{- fail (printf "embeddedDatabase.enabled allows exactly 1 replica, got replicaCount=%v: the embedded database lives in one pod's volume. Set replicaCount=1, or use PostgreSQL (database.url) for more replicas." .Values.replicaCount) }}
{{- end }}
{{- end }}
