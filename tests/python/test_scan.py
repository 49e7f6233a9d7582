"""Checker.scan_messages: many messages on the library's thread, reported to a ScanListener,
stopped through the ScanHandle (cancel() or dropping it)."""

import csv
import gc
import threading

from canhgiac_ffi import MessageToScan, ScanEnd, ScanListener, VerdictLevel
from conftest import ROOT

WAIT = 60  # seconds; a scan of the fixtures takes milliseconds


def fixture_messages() -> list:
    """Every labelled message of assets/fixtures, with its sender (absent when empty)."""
    messages = []
    for name in ("scam.tsv", "ham.tsv", "holdout.tsv"):
        with open(ROOT / "assets" / "fixtures" / name, encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
                messages.append(MessageToScan(sender=row["sender"] or None, text=row["text"]))
    return messages


class Recorder(ScanListener):
    """Records what the scan reports; `ended` is set by on_end."""

    def __init__(self):
        self.flagged = []
        self.progress = []
        self.end = None
        self.ended = threading.Event()
        self.threads = set()

    def on_flagged(self, index, verdict):
        self.threads.add(threading.get_ident())
        self.flagged.append((index, verdict))

    def on_progress(self, scanned, total):
        self.progress.append((scanned, total))

    def on_end(self, end):
        self.end = end
        self.ended.set()

    def wait(self) -> ScanEnd:
        assert self.ended.wait(WAIT), "the scan never ended"
        return self.end


class PausingRecorder(Recorder):
    """Holds the scan in its first on_progress until the test lets it go."""

    def __init__(self):
        super().__init__()
        self.paused = threading.Event()
        self.go = threading.Event()

    def on_progress(self, scanned, total):
        super().on_progress(scanned, total)
        if not self.paused.is_set():
            self.paused.set()
            assert self.go.wait(WAIT)


def test_a_scan_reports_what_check_sms_says_one_by_one(checker):
    messages = fixture_messages()
    assert len(messages) > 600
    expected = []
    for i, m in enumerate(messages):
        verdict = checker.check_sms(m.sender, m.text)
        if verdict.level != VerdictLevel.SAFE:
            expected.append((i, verdict))

    listener = Recorder()
    handle = checker.scan_messages(messages, listener)
    end = listener.wait()

    assert end == ScanEnd.FINISHED(scanned=len(messages), flagged=len(expected))
    assert listener.flagged == expected
    assert listener.progress == [(n, len(messages)) for n in range(100, len(messages) + 1, 100)]
    assert threading.get_ident() not in listener.threads  # reported from the scan's own thread
    handle.cancel()  # after the end: does nothing
    assert listener.end == end


def test_an_empty_scan_finishes_at_once(checker):
    listener = Recorder()
    handle = checker.scan_messages([], listener)
    assert listener.wait() == ScanEnd.FINISHED(scanned=0, flagged=0)
    del handle


def test_cancel_stops_the_scan_before_its_next_message(checker):
    messages = fixture_messages()
    listener = PausingRecorder()
    handle = checker.scan_messages(messages, listener)
    assert listener.paused.wait(WAIT)
    handle.cancel()
    handle.cancel()  # twice is harmless
    listener.go.set()
    end = listener.wait()
    assert end == ScanEnd.CANCELLED(scanned=100, flagged=len(listener.flagged))
    assert all(index < 100 for index, _ in listener.flagged)
    assert listener.progress == [(100, len(messages))]


def test_dropping_the_handle_cancels_the_scan(checker):
    listener = PausingRecorder()
    handle = checker.scan_messages(fixture_messages(), listener)
    assert listener.paused.wait(WAIT)
    del handle
    gc.collect()
    listener.go.set()
    assert isinstance(listener.wait(), ScanEnd.CANCELLED)


def test_a_listener_that_throws_stops_the_scan_and_not_the_library(checker):
    class Throwing(Recorder):
        def on_flagged(self, index, verdict):
            super().on_flagged(index, verdict)
            raise RuntimeError("the UI is gone")

    messages = fixture_messages()
    listener = Throwing()
    handle = checker.scan_messages(messages, listener)
    end = listener.wait()
    first = listener.flagged[0][0]
    assert len(listener.flagged) == 1
    assert end == ScanEnd.LISTENER_FAILED(scanned=first + 1, flagged=1)
    # The library goes on working.
    assert checker.check_sms(None, messages[first].text) == listener.flagged[0][1]
    del handle


def test_a_listener_that_throws_everywhere_changes_nothing_for_the_library(checker):
    ended = threading.Event()

    class Broken(ScanListener):
        def on_flagged(self, index, verdict):
            raise ValueError("flagged")

        def on_progress(self, scanned, total):
            raise ValueError("progress")

        def on_end(self, end):
            ended.set()
            raise ValueError("end")

    handle = checker.scan_messages(fixture_messages(), Broken())
    assert ended.wait(WAIT)
    assert checker.check_sms(None, "Chiều nay họp lớp nhé").level == VerdictLevel.SAFE
    del handle


def test_scans_run_side_by_side(checker):
    messages = fixture_messages()
    listeners = [Recorder() for _ in range(4)]
    handles = [checker.scan_messages(messages, listener) for listener in listeners]
    ends = [listener.wait() for listener in listeners]
    assert len(set(map(repr, ends))) == 1
    assert all(listener.flagged == listeners[0].flagged for listener in listeners)
    del handles
