#!/usr/bin/env bash
# Creates (or updates) the Event Grid subscription that drives the IngestDelivery blob trigger.
#
# On Flex Consumption a blob trigger only works with the Event Grid source: blob-created events from the
# storage account's system topic are pushed to the Functions host's blobs extension webhook
#   https://<app>/runtime/webhooks/blobs?functionName=Host.Functions.IngestDelivery&code=<blobs_extension key>
# The blobs_extension system key exists only once the code with the blob trigger is deployed and the host has
# started, so run this AFTER publishing the app (see infra-bicep/README.md). Running it again is harmless.
#
# Usage: infra-bicep/scripts/subscribe-blob-trigger.sh -g RESOURCE_GROUP [-d DEPLOYMENT_NAME] [-f FUNCTION_NAME]
#   -d  name of the az deployment of main.bicep (default: main); its outputs give app, topic and container
#   -f  the blob-triggered function (default: IngestDelivery)
# Needs: az CLI, logged in (az login) with rights on the resource group.
set -euo pipefail

resource_group=""
deployment="main"
function_name="IngestDelivery"
subscription_name="ingest-delivery"

while getopts "g:d:f:h" opt; do
  case "$opt" in
    g) resource_group="$OPTARG" ;;
    d) deployment="$OPTARG" ;;
    f) function_name="$OPTARG" ;;
    h) sed -n '2,14p' "$0"; exit 0 ;;
    *) sed -n '2,14p' "$0" >&2; exit 2 ;;
  esac
done
if [[ -z "$resource_group" ]]; then
  echo "error: -g RESOURCE_GROUP is required" >&2
  exit 2
fi

output() {
  az deployment group show -g "$resource_group" -n "$deployment" \
    --query "properties.outputs.$1.value" -o tsv
}

app_name="$(output functionAppName)"
app_host="$(output functionAppHostName)"
topic_name="$(output eventGridSystemTopicName)"
container="$(output deliveriesContainerName)"
for value in app_name app_host topic_name container; do
  if [[ -z "${!value}" ]]; then
    echo "error: deployment '$deployment' in '$resource_group' has no output for $value" >&2
    exit 1
  fi
done

# The key appears once the host has loaded the blob extension; wait for it a little after a fresh deploy.
blobs_key=""
for attempt in $(seq 1 12); do
  blobs_key="$(az functionapp keys list -g "$resource_group" -n "$app_name" \
    --query "systemKeys.blobs_extension" -o tsv 2>/dev/null || true)"
  [[ -n "$blobs_key" ]] && break
  echo "waiting for the blobs_extension key of $app_name (attempt $attempt/12; is the code deployed?)" >&2
  sleep 10
done
if [[ -z "$blobs_key" ]]; then
  echo "error: no blobs_extension system key on $app_name: publish the app first, then run this again" >&2
  exit 1
fi

endpoint="https://${app_host}/runtime/webhooks/blobs?functionName=Host.Functions.${function_name}&code=${blobs_key}"

# Event Grid validates the webhook with a handshake the blobs extension answers; create or update in place.
if az eventgrid system-topic event-subscription show -g "$resource_group" \
     --system-topic-name "$topic_name" -n "$subscription_name" >/dev/null 2>&1; then
  action="update"
  az eventgrid system-topic event-subscription update -g "$resource_group" \
    --system-topic-name "$topic_name" -n "$subscription_name" \
    --endpoint "$endpoint" \
    --included-event-types Microsoft.Storage.BlobCreated \
    --subject-begins-with "/blobServices/default/containers/${container}/" \
    --output none
else
  action="create"
  az eventgrid system-topic event-subscription create -g "$resource_group" \
    --system-topic-name "$topic_name" -n "$subscription_name" \
    --endpoint-type webhook \
    --endpoint "$endpoint" \
    --event-delivery-schema eventgridschema \
    --included-event-types Microsoft.Storage.BlobCreated \
    --subject-begins-with "/blobServices/default/containers/${container}/" \
    --max-delivery-attempts 30 \
    --event-ttl 1440 \
    --output none
fi

echo "event subscription '$subscription_name' (${action}d): container '$container' -> $app_name/$function_name"
