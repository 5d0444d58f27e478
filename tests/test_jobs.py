"""The training-job manager (rnnviz.jobs): queue, positions, stop, heartbeat, failures, replay."""

from __future__ import annotations

import threading
import types

import pytest

from rnnviz.checkpoints import load_checkpoint
from rnnviz.data import load_sample
from rnnviz.jobs import (DONE, EXPIRED, FAILED, QUEUED, RUNNING, STOPPED, JobManager, QueueFull, TrainingRequest,
                         default_max_running, estimate_seconds, format_duration, measure_speed, run_training,
                         training_work)
from rnnviz.models import ModelConfig
from rnnviz.pipeline import Corpus, Plan, training_subset
from rnnviz.tokenizer import Tokenizer
from rnnviz.training import TrainConfig, train
from rnnviz.reviews import encode_reviews


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def waiting_work(release: threading.Event):
    def work(context):
        while not release.is_set() and not context.stop_event.is_set():
            release.wait(0.01)
        return "finished"
    return work


@pytest.fixture()
def manager():
    managers = []

    def make(**kwargs):
        kwargs.setdefault("watchdog", False)
        kwargs.setdefault("cores", 1)  # one process per job: progress and stops land on exact batches
        managers.append(JobManager(**kwargs))
        return managers[-1]
    yield make
    for m in managers:
        m.shutdown()


def test_fifo_queue_with_one_slot(manager):
    jobs = manager(max_running=1)
    release = [threading.Event() for _ in range(3)]
    submitted = [jobs.submit(waiting_work(r), owner=f"s{i}", label=f"job {i}") for i, r in enumerate(release)]
    assert [j.status for j in submitted] == [RUNNING, QUEUED, QUEUED]
    assert [jobs.position(j.id) for j in submitted] == [0, 1, 2]
    assert jobs.counts() == {"running": 1, "queued": 2, "max_running": 1}
    release[0].set()
    assert jobs.wait(submitted[0].id).status == DONE and submitted[0].result == "finished"
    for _ in range(500):
        if submitted[1].status == RUNNING:
            break
        threading.Event().wait(0.01)
    assert submitted[1].status == RUNNING and jobs.position(submitted[2].id) == 1
    assert jobs.stop(submitted[2].id) and submitted[2].status == STOPPED  # taken out of the queue
    release[1].set()
    assert jobs.wait(submitted[1].id).status == DONE
    assert jobs.position(submitted[1].id) is None


def test_one_active_job_per_owner_and_bounded_queue(manager):
    jobs = manager(max_running=1, max_queued=2)
    release = threading.Event()
    jobs.submit(waiting_work(release), owner="a")
    with pytest.raises(QueueFull):
        jobs.submit(waiting_work(release), owner="a")
    jobs.submit(waiting_work(release), owner="b")
    jobs.submit(waiting_work(release), owner="c")
    with pytest.raises(QueueFull):
        jobs.submit(waiting_work(release), owner="d")
    release.set()


def test_heartbeat_expiry(manager):
    clock = Clock()
    jobs = manager(max_running=1, heartbeat_timeout=10, clock=clock)
    release = threading.Event()
    kept, dropped = jobs.submit(waiting_work(release), owner="a"), jobs.submit(waiting_work(release), owner="b")
    clock.now += 8
    jobs.heartbeat(kept.id)
    clock.now += 5
    assert jobs.reap() == [dropped.id]  # queued and silent for 13 s: out of the queue
    assert dropped.status == EXPIRED and dropped.stop_reason == "heartbeat"
    clock.now += 6
    assert jobs.reap() == [kept.id]  # running and silent for 11 s: stopped
    assert jobs.wait(kept.id).status == EXPIRED


def test_watchdog_thread_reaps_by_itself(manager):
    jobs = manager(max_running=1, heartbeat_timeout=0.2, watchdog=True)
    job = jobs.submit(waiting_work(threading.Event()), owner="a")
    assert jobs.wait(job.id, timeout=10).status == EXPIRED


def test_failures_are_captured_and_the_queue_goes_on(manager):
    jobs = manager(max_running=1)

    def broken(context):
        context.report("started")
        raise RuntimeError("out of luck")

    failed = jobs.submit(broken, owner="a")
    after = jobs.submit(lambda context: 42, owner="b")
    assert jobs.wait(failed.id).status == FAILED
    assert failed.error == "RuntimeError: out of luck" and "Traceback" in failed.details
    assert failed.progress == ["started"]
    assert jobs.wait(after.id).status == DONE and after.result == 42


def test_default_max_running(monkeypatch):
    monkeypatch.setenv("RNNVIZ_MAX_JOBS", "3")
    assert default_max_running() == 3 and JobManager(watchdog=False).max_running == 3
    monkeypatch.delenv("RNNVIZ_MAX_JOBS")
    assert default_max_running() >= 1


# ------------------------------------------------------------------ real (tiny) trainings
@pytest.fixture(scope="module")
def data():
    sample = load_sample()["train"][:300]
    return sample["text"], sample["label"], Tokenizer.build(sample["text"], vocab_size=500)


def request(data, folder, epochs=2, seed=0, **model):
    texts, labels, tokenizer = data
    corpus = Corpus("imdb", tuple(texts), tuple(float(label) for label in labels), tuple(texts),
                    {"imdb_test": (tuple(texts[-50:]), tuple(labels[-50:]))},
                    {"imdb": {"kind": "sample", "location": "tests", "note": ""},
                     "sst": {"kind": "sample", "location": "tests", "note": ""}})
    plan = Plan("tiny run", ModelConfig(cell="gru", vocab_size=500, embedding_dim=8, hidden_size=8, max_len=40, **model),
                TrainConfig(batch_size=16, epochs=epochs, seed=seed, train_size=120, patience=0))
    return TrainingRequest(plan=plan, corpus=corpus, folder=folder, tokenizer=tokenizer)


def with_plan(req: TrainingRequest, **changes) -> TrainingRequest:
    return TrainingRequest(**{**req.__dict__, "plan": Plan(**{**req.plan.__dict__, **changes})})


def test_training_job_saves_a_usable_checkpoint(manager, data, tmp_path):
    jobs = manager(max_running=1)
    job = jobs.submit(training_work(request(data, tmp_path)), owner="a")
    assert jobs.wait(job.id, timeout=60).status == DONE, job.error
    kinds = [p.kind for p in job.progress]
    assert kinds.count("epoch") == 2 and kinds.count("batch") >= 2 * 7
    loaded = load_checkpoint(job.result["path"])
    assert loaded.name == "tiny run" and len(loaded.history) == 2
    assert loaded.metrics["test_reviews"] == 50 and 0 <= loaded.metrics["test_accuracy"] <= 1
    assert loaded.train_config["seed"] == 0 and loaded.data_source["kind"] == "sample"
    again = jobs.submit(training_work(request(data, tmp_path)), owner="a")
    assert jobs.wait(again.id, timeout=60).status == DONE
    assert again.result["name"] == "tiny run-2"  # never overwrites


def test_stop_ends_at_the_next_batch_and_keeps_the_best_epoch(manager, data, tmp_path):
    jobs = manager(max_running=1)
    inner = training_work(request(data, tmp_path, epochs=5))

    def work(context):
        original = context.report

        def report(progress):
            original(progress)
            if progress.kind == "epoch" and progress.epoch == 1:
                jobs.stop(context.job.id)
        object.__setattr__(context, "report", report)
        return inner(context)

    job = jobs.submit(work, owner="a")
    assert jobs.wait(job.id, timeout=60).status == STOPPED and job.stop_reason == "user"
    after = [p for p in job.progress if p.epoch == 2]
    assert [p.kind for p in after] == ["batch"] and after[0].batch == 1  # one batch, then stop
    assert job.result["best_epoch"] == 1 and job.result["epochs_run"] == 1
    assert job.result["stopped_by_user"] and load_checkpoint(job.result["path"]).metrics["best_epoch"] == 1


def test_same_settings_and_seed_replay_the_same_curves(data, tmp_path):
    first = run_training(request(data, tmp_path / "a", seed=3))
    second = run_training(request(data, tmp_path / "b", seed=3))
    other = run_training(request(data, tmp_path / "c", seed=4))
    keys = ("train_loss", "train_accuracy", "val_loss", "val_accuracy")
    curve = lambda result: [[h[k] for k in keys] for h in result["history"]]  # noqa: E731
    assert curve(first) == curve(second)
    assert curve(first) != curve(other)
    # the job's run is the one the notebook code shown on the page gives (train() on every review)
    texts, labels, tokenizer = data
    req = request(data, tmp_path, seed=3)
    direct = train(req.plan.model_config, req.plan.train_config,
                   encode_reviews(texts, tokenizer, req.plan.model_config.max_len), labels=labels)
    assert curve(first) == [[h[k] for k in keys] for h in direct.history]


def test_pretrained_embedding_and_vocabulary_check(data, tmp_path):
    import torch

    frozen = torch.randn(500, 8)
    req = request(data, tmp_path, epochs=1, freeze_embedding=True)
    result = run_training(TrainingRequest(**{**req.__dict__, "pretrained_embedding": frozen, "embedding_from": "x"}))
    loaded = load_checkpoint(result["path"])
    assert torch.equal(loaded.model.embedding.weight, frozen) and loaded.metrics["embedding_from"] == "x"
    assert TrainConfig.from_dict(loaded.train_config) == req.plan.train_config  # replayable
    with pytest.raises(ValueError, match="vocab_size"):
        run_training(TrainingRequest(**{**req.__dict__, "tokenizer": Tokenizer.build(data[0], vocab_size=100)}))


def test_word_vectors_start_the_embedding(data, tmp_path):
    import torch

    from rnnviz.word_vectors import pretrained_embedding

    req = request(data, tmp_path, epochs=1, freeze_embedding=True)
    phases = []
    context = types.SimpleNamespace(phase=phases.append, report=None, stop_event=None)
    result = run_training(with_plan(req, word_vectors=3), context)
    loaded = load_checkpoint(result["path"])
    texts, _, tokenizer = data
    keep = training_subset(len(texts), req.plan.train_config.train_size, req.plan.train_config.seed)
    reviews = encode_reviews([texts[i] for i in keep], tokenizer, req.plan.model_config.max_len)
    expected = pretrained_embedding(reviews.ids, reviews.lengths, 500, 8, window=3)
    assert torch.allclose(loaded.model.embedding.weight, expected)  # frozen: still the vectors
    assert loaded.metrics["pretrained_embedding"].endswith("window 3)")
    assert phases.index("word_vectors") < phases.index("training")


def test_speed_estimate():
    speed = measure_speed(ModelConfig(cell="lstm", embedding_dim=8, hidden_size=8), batch_size=8, length=20, batches=1)
    assert speed > 0
    one, two = estimate_seconds(1000, 1, speed), estimate_seconds(1000, 2, speed)
    assert one < two < 2 * one + 1 and estimate_seconds(1000, 1, speed, test_reviews=500) > one
    assert format_duration(42.4) == "42 s" and format_duration(185) == "3 min 05 s"


def test_a_lone_job_gets_both_cores_side_by_side_jobs_one_each(manager):
    jobs = manager(max_running=2, cores=2)
    release = threading.Event()
    seen = {}

    def work(name):
        def run(context):
            seen[name] = context.workers
            release.wait(5)
        return run
    first = jobs.submit(work("first"), owner="a")
    while "first" not in seen:
        threading.Event().wait(0.01)
    second = jobs.submit(work("second"), owner="b")
    release.set()
    jobs.wait(first.id), jobs.wait(second.id)
    assert seen == {"first": 2, "second": 1}


def test_a_job_trains_with_the_workers_it_was_given(data, tmp_path, monkeypatch):
    import rnnviz.pipeline

    plans = []
    monkeypatch.setattr(rnnviz.pipeline, "train_and_save", lambda plan, *args, **kwargs: plans.append(plan))
    context = types.SimpleNamespace(phase=lambda name: None, report=None, stop_event=None, workers=2)
    with pytest.raises(AttributeError):  # the stand-in returns no result
        run_training(request(data, tmp_path, epochs=1), context)
    assert plans[0].train_config.workers == 2 and plans[0].train_config.seed == 0
