{{/* Names and labels. */}}
{{- define "rivalry.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "rivalry.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name (include "rivalry.name" .) | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "rivalry.profilesConfigMap" -}}
{{- default (printf "%s-profiles" (include "rivalry.fullname" .)) .Values.profiles.configMap -}}
{{- end -}}

{{/* Selector labels of one component: {root, component}. */}}
{{- define "rivalry.selectorLabels" -}}
app.kubernetes.io/name: {{ include "rivalry.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "rivalry.labels" -}}
{{ include "rivalry.selectorLabels" . }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "rivalry.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .service (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{/* Kafka and Redis settings every service shares: env entries. */}}
{{- define "rivalry.backendEnv" -}}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ required "kafka.bootstrapServers is required" .Values.kafka.bootstrapServers | quote }}
- name: SPRING_KAFKA_BOOTSTRAP_SERVERS
  value: {{ .Values.kafka.bootstrapServers | quote }}
{{- if .Values.kafka.sasl.existingSecret }}
- name: KAFKA_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ .Values.kafka.sasl.existingSecret }}
      key: {{ .Values.kafka.sasl.jaasConfigKey }}
{{- end }}
{{- if eq .Values.redis.mode "standalone" }}
- name: REDIS_URL
  value: {{ required "redis.url is required when redis.mode is standalone" .Values.redis.url | quote }}
{{- else if eq .Values.redis.mode "sentinel" }}
- name: SPRING_DATA_REDIS_SENTINEL_MASTER
  value: {{ .Values.redis.sentinel.master | quote }}
- name: SPRING_DATA_REDIS_SENTINEL_NODES
  value: {{ required "redis.sentinel.nodes is required when redis.mode is sentinel" (join "," .Values.redis.sentinel.nodes) | quote }}
{{- else }}
- name: SPRING_DATA_REDIS_CLUSTER_NODES
  value: {{ required "redis.cluster.nodes is required when redis.mode is cluster" (join "," .Values.redis.cluster.nodes) | quote }}
{{- end }}
{{- if .Values.redis.existingSecret }}
- name: SPRING_DATA_REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .Values.redis.existingSecret }}
      key: {{ .Values.redis.passwordKey }}
{{- end }}
- name: RIVALRY_DEVELOPMENT_ENABLED
  value: {{ .Values.development | quote }}
{{- end -}}

{{/* Kafka client security as Spring Cloud Stream binder arguments ($(VAR) is expanded by the kubelet). */}}
{{- define "rivalry.kafkaArgs" -}}
{{- $prefix := "--spring.cloud.stream.kafka.binder.configuration." -}}
{{- if ne .Values.kafka.securityProtocol "PLAINTEXT" }}
- {{ printf "%ssecurity.protocol=%s" $prefix .Values.kafka.securityProtocol | quote }}
- {{ printf "--spring.kafka.security.protocol=%s" .Values.kafka.securityProtocol | quote }}
{{- end }}
{{- if .Values.kafka.sasl.mechanism }}
- {{ printf "%ssasl.mechanism=%s" $prefix .Values.kafka.sasl.mechanism | quote }}
- {{ printf "--spring.kafka.properties.sasl.mechanism=%s" .Values.kafka.sasl.mechanism | quote }}
{{- end }}
{{- if .Values.kafka.sasl.existingSecret }}
- {{ printf "%ssasl.jaas.config=$(KAFKA_SASL_JAAS_CONFIG)" $prefix | quote }}
- "--spring.kafka.properties.sasl.jaas.config=$(KAFKA_SASL_JAAS_CONFIG)"
{{- end }}
{{- if .Values.kafka.tls.existingSecret }}
- {{ printf "%sssl.truststore.type=PEM" $prefix | quote }}
- {{ printf "%sssl.truststore.location=/etc/rivalry/kafka-ca/%s" $prefix .Values.kafka.tls.caKey | quote }}
- "--spring.kafka.ssl.trust-store-type=PEM"
- {{ printf "--spring.kafka.ssl.trust-store-location=file:/etc/rivalry/kafka-ca/%s" .Values.kafka.tls.caKey | quote }}
{{- end }}
{{- end -}}

{{/*
One service's pod template: {root, component, service, port, managementPort, resources,
env, args, volumes, volumeMounts, envFromSecrets, extraEnv, scheduling}. Probes on the
actuator's health groups, a read-only root file system with a writable /tmp, never root.
*/}}
{{- define "rivalry.podTemplate" -}}
metadata:
  labels:
    {{- include "rivalry.labels" . | nindent 4 }}
  {{- with .annotations }}
  annotations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
spec:
  {{- with .serviceAccountName }}
  serviceAccountName: {{ . }}
  {{- end }}
  automountServiceAccountToken: {{ .automountToken | default false }}
  securityContext:
    {{- toYaml .root.Values.podSecurityContext | nindent 4 }}
  {{- with .root.Values.imagePullSecrets }}
  imagePullSecrets:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  terminationGracePeriodSeconds: 45
  containers:
    - name: {{ .component }}
      image: {{ include "rivalry.image" . }}
      imagePullPolicy: {{ .root.Values.image.pullPolicy }}
      {{- with .args }}
      args:
        {{- . | nindent 8 }}
      {{- end }}
      ports:
        {{- if .port }}
        - name: http
          containerPort: {{ .port }}
        {{- end }}
        - name: management
          containerPort: {{ .managementPort }}
      env:
        {{- with .env }}
        {{- . | nindent 8 }}
        {{- end }}
        {{- with .extraEnv }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      {{- with .envFromSecrets }}
      envFrom:
        {{- range . }}
        - secretRef:
            name: {{ . }}
        {{- end }}
      {{- end }}
      startupProbe:
        httpGet: { path: /actuator/health/liveness, port: management }
        periodSeconds: 5
        failureThreshold: 60
      livenessProbe:
        httpGet: { path: /actuator/health/liveness, port: management }
        periodSeconds: 10
        failureThreshold: 3
      readinessProbe:
        httpGet: { path: /actuator/health/readiness, port: management }
        periodSeconds: 5
        failureThreshold: 3
      resources:
        {{- toYaml .resources | nindent 8 }}
      securityContext:
        {{- toYaml .root.Values.containerSecurityContext | nindent 8 }}
      volumeMounts:
        - name: tmp
          mountPath: /tmp
        {{- with .volumeMounts }}
        {{- . | nindent 8 }}
        {{- end }}
  volumes:
    - name: tmp
      emptyDir: {}
    {{- with .volumes }}
    {{- . | nindent 4 }}
    {{- end }}
  {{- with .scheduling.nodeSelector }}
  nodeSelector:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .scheduling.tolerations }}
  tolerations:
    {{- toYaml . | nindent 4 }}
  {{- end }}
  {{- with .scheduling.affinity }}
  affinity:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{/* The profiles ConfigMap, mounted as a directory (not subPath) so that changes reach the pods. */}}
{{- define "rivalry.profilesVolume" -}}
- name: profiles
  configMap:
    name: {{ include "rivalry.profilesConfigMap" . }}
{{- if .Values.kafka.tls.existingSecret }}
- name: kafka-ca
  secret:
    secretName: {{ .Values.kafka.tls.existingSecret }}
{{- end }}
{{- end -}}

{{- define "rivalry.profilesMount" -}}
- name: profiles
  mountPath: /etc/rivalry/profiles
  readOnly: true
{{- if .Values.kafka.tls.existingSecret }}
- name: kafka-ca
  mountPath: /etc/rivalry/kafka-ca
  readOnly: true
{{- end }}
{{- end -}}

{{- define "rivalry.profilesEnv" -}}
- name: RIVALRY_PROFILES
  value: file:/etc/rivalry/profiles/profiles.yml
- name: RIVALRY_PROFILES_RELOAD_INTERVAL
  value: {{ .Values.profiles.reloadInterval | quote }}
{{- end -}}

{{/* A signing-key Secret as a volume and the setting that reads it: {root, tokens}. */}}
{{- define "rivalry.keysVolume" -}}
{{- if .tokens.existingSecret }}
- name: signing-keys
  secret:
    secretName: {{ .tokens.existingSecret }}
    items:
      - key: {{ .tokens.key }}
        path: jwks.json
{{- end }}
{{- end -}}

{{- define "rivalry.keysMount" -}}
{{- if .tokens.existingSecret }}
- name: signing-keys
  mountPath: /etc/rivalry/keys
  readOnly: true
{{- end }}
{{- end -}}

{{- define "rivalry.keysEnv" -}}
{{- if .tokens.existingSecret }}
- name: RIVALRY_TOKENS_KEYS_JWKSET
  value: /etc/rivalry/keys/jwks.json
{{- end }}
{{- end -}}

{{/* The engine's Deployment: the static one, or the operator's template (no replicas). */}}
{{- define "rivalry.engineDeployment" -}}
{{- $root := .root -}}
{{- $component := dict "root" $root "component" "engine" -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "rivalry.fullname" $root }}-engine
  labels:
    {{- include "rivalry.labels" $component | nindent 4 }}
spec:
  {{- if .replicas }}
  replicas: {{ .replicas }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "rivalry.selectorLabels" $component | nindent 6 }}
  template:
    {{- $env := printf "%s\n%s" (include "rivalry.backendEnv" $root) (include "rivalry.profilesEnv" $root) }}
    {{- include "rivalry.podTemplate" (dict "root" $root "component" "engine" "service" "match-engine"
      "port" 8082 "managementPort" 9082 "resources" $root.Values.engine.resources
      "env" $env "args" (include "rivalry.kafkaArgs" $root)
      "volumes" (include "rivalry.profilesVolume" $root) "volumeMounts" (include "rivalry.profilesMount" $root)
      "envFromSecrets" $root.Values.engine.envFromSecrets "extraEnv" $root.Values.engine.extraEnv
      "scheduling" $root.Values.engine) | nindent 4 }}
{{- end -}}
