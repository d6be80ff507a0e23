"""CloudWatch Logs of a resource, read as it runs: each stream's new events, in order.

SageMaker writes one stream per instance under the resource's log group (a training job's
``/aws/sagemaker/TrainingJobs``, streams ``<job>/algo-1-<epoch>`` ...). ``Tail.read`` returns
the events that came since the last read; with several streams each line is prefixed by its
stream's own part of the name (the instance).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from botocore.exceptions import ClientError


class Tail:
    def __init__(self, client: Any, group: str, prefix: str) -> None:
        self.client = client
        """A boto3 CloudWatch Logs client."""
        self.group = group
        self.prefix = prefix
        self._tokens: dict[str, str] = {}

    def read(self) -> list[str]:
        """The events written since the last read, every stream's in order, streams by name."""
        try:
            streams = self._streams()
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "ResourceNotFoundException":
                return []  # the group comes with the first instance
            raise
        several = len(streams) > 1
        return [
            f"[{stream.removeprefix(self.prefix)}] {message}" if several else message
            for stream in streams
            for message in self._events(stream)
        ]

    def _streams(self) -> list[str]:
        where = {"logGroupName": self.group, **({"logStreamNamePrefix": self.prefix} if self.prefix else {})}
        pages = self.client.get_paginator("describe_log_streams").paginate(**where)
        return sorted(stream["logStreamName"] for page in pages for stream in page.get("logStreams", ()))

    def _events(self, stream: str) -> Iterator[str]:
        while True:
            token = self._tokens.get(stream)
            page = self.client.get_log_events(
                logGroupName=self.group,
                logStreamName=stream,
                startFromHead=True,
                **({"nextToken": token} if token else {}),
            )
            events = page.get("events", ())
            for event in events:
                yield str(event.get("message", "")).rstrip("\n")
            following = page.get("nextForwardToken")
            if following:
                self._tokens[stream] = following
            if not events or not following or following == token:
                return
