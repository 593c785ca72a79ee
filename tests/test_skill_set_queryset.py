from taxonomy.models import SkillSet


def test_a_roles_shown_sets_leave_out_placeholders_and_other_roles_and_carry_their_field(
    toy_notes, django_assert_num_queries
):
    role_set = SkillSet.objects.filter(role__isnull=False).first()
    role = role_set.role
    placeholder = SkillSet.objects.get(is_placeholder=True)
    placeholder.role = role
    placeholder.save()
    own = list(SkillSet.objects.filter(role=role, is_placeholder=False))
    assert own and SkillSet.objects.exclude(role=role).exists()
    with django_assert_num_queries(1):
        shown = list(SkillSet.objects.shown_for(role))
        fields = [skill_set.area.name for skill_set in shown]
    assert shown == own
    assert placeholder not in shown
    assert all(fields)
