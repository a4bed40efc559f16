"""A real HLS test stream made with ffmpeg: for the demo player and the browser test.

Production streams come from a streaming server (SRS, MediaMTX, nginx-rtmp); this only makes a
short test pattern so that a demo or a test plays real HLS through the same player.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

FFMPEG = "ffmpeg"


def ffmpeg_available() -> bool:
    return shutil.which(FFMPEG) is not None


def make_test_stream(directory: Path, seconds: int = 6, size: str = "320x240") -> Path:
    """Write an H.264 / MPEG-TS HLS stream (VOD playlist) to `directory`; return the playlist."""
    directory.mkdir(parents=True, exist_ok=True)
    playlist = directory / "index.m3u8"
    command = [
        FFMPEG,
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        f"testsrc=size={size}:rate=10",
        "-t",
        str(seconds),
        "-c:v",
        "libx264",
        "-profile:v",
        "baseline",
        "-pix_fmt",
        "yuv420p",
        "-g",
        "10",
        "-f",
        "hls",
        "-hls_time",
        "2",
        "-hls_playlist_type",
        "vod",
        "-hls_segment_filename",
        str(directory / "segment%03d.ts"),
        str(playlist),
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=120)
    return playlist
