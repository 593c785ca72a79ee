"""Copying a roadmap: a private copy of one I may read, with its steps, order and notes."""

import pytest

from roadmaps.models import Roadmap
from roadmaps.services import copy_roadmap, move_step, set_progress, set_step_note
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def layout(roadmap: Roadmap) -> list[tuple]:
    steps = roadmap.steps.order_by("stage", "position").select_related("technology")
    return [(s.technology.name, s.stage, s.position, s.note, s.asked_in) for s in steps]


def test_a_copy_keeps_targets_stages_order_and_notes_and_is_private(roadmaps, people):
    _, public = roadmaps
    bob = people[1]
    docker = public.steps.get(technology__name="Docker")
    move_step(step=docker, stage=0, position=0)
    set_step_note(step=public.steps.get(technology__name="Docker"), note="Do the tutorial")

    copy = copy_roadmap(roadmap=public, owner=bob)

    assert (copy.owner, copy.title, copy.is_public, copy.copied_from) == (
        bob,
        public.title,
        False,
        public,
    )
    assert copy.slug != public.slug
    assert list(copy.areas.all()) == list(public.areas.all())
    assert layout(copy) == layout(public)
    assert layout(copy)[0][:4] == ("Docker", 0, 0, "Do the tutorial")


def test_a_copy_shows_the_new_owners_levels_not_the_originals(client, roadmaps, people):
    _, public = roadmaps
    ana, bob = people
    docker = public.steps.get(technology__name="Docker").technology
    set_progress(user=ana, technology=docker, status="expert")
    copy = copy_roadmap(roadmap=public, owner=bob)

    page = signed_in(client, bob).get(copy.get_absolute_url()).content.decode()
    assert "0 of 6 done" in page
    assert f'copied from <a href="{public.get_absolute_url()}">Public plan</a>' in page


def test_changing_the_copy_leaves_the_original_alone(roadmaps, people):
    _, public = roadmaps
    before = layout(public)
    copy = copy_roadmap(roadmap=public, owner=people[1])
    move_step(step=copy.steps.get(technology__name="MLflow"), stage=0, position=0)
    copy.steps.filter(technology__name="Python").delete()
    assert layout(public) == before


def test_anyone_signed_in_copies_a_public_roadmap_from_its_page(client, roadmaps, people):
    _, public = roadmaps
    bob = people[1]
    page = signed_in(client, bob).get(public.get_absolute_url()).content.decode()
    assert "Copy into my roadmaps" in page
    response = client.post(f"{public.get_absolute_url()}copy/")
    copy = Roadmap.objects.get(owner=bob)
    assert response["Location"] == copy.get_absolute_url()


def test_the_owner_may_duplicate_their_private_roadmap(client, roadmaps, people):
    private, _ = roadmaps
    client = signed_in(client, people[0])
    assert "Duplicate" in client.get(private.get_absolute_url()).content.decode()
    client.post(f"{private.get_absolute_url()}copy/")
    assert Roadmap.objects.filter(copied_from=private, owner=people[0]).count() == 1


def test_nobody_copies_a_private_roadmap_of_someone_else_nor_copies_while_signed_out(
    client, roadmaps, people
):
    private, public = roadmaps
    assert client.post(f"{public.get_absolute_url()}copy/")["Location"].startswith(
        "/accounts/login/"
    )
    assert "Copy into my roadmaps" not in client.get(public.get_absolute_url()).content.decode()
    assert (
        signed_in(client, people[1]).post(f"{private.get_absolute_url()}copy/").status_code == 404
    )
    assert client.get(f"{public.get_absolute_url()}copy/").status_code == 405
    assert Roadmap.objects.count() == 2


def test_deleting_the_original_keeps_the_copy(client, roadmaps, people):
    _, public = roadmaps
    copy = copy_roadmap(roadmap=public, owner=people[1])
    public.delete()
    copy.refresh_from_db()
    assert copy.copied_from is None and copy.steps.count() == 6
