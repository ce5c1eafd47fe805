"""Tag lists answer `in` by identity, as Pelican's lists of content objects do."""

from dateline.pages.taxonomy import Members, index_tag_members


class Release:  # like Pelican's content objects: no __eq__, so equality is identity
    def __init__(self, title):
        self.title = title


def test_members_answer_in_like_a_list():
    releases = [Release(str(n)) for n in range(50)]
    members = Members(releases[:30])
    for release in releases:
        assert (release in members) == (release in releases[:30])
    assert Release("0") not in members  # an equal-looking object is another object


def test_members_follow_appends():
    first, later = Release("a"), Release("b")
    members = Members([first])
    assert later not in members
    members.append(later)
    assert later in members and list(members) == [first, later]


def test_tag_lists_are_replaced_in_generator_and_context():
    class Generator:
        pass

    one, two = Release("1"), Release("2")
    generator = Generator()
    generator.tags = {"gold": [one, two], "copper": [two]}
    generator.context = {}
    index_tag_members(generator)
    assert all(isinstance(v, Members) for v in generator.tags.values())
    assert generator.context["tags"] == list(generator.tags.items())
    assert [r.title for r in generator.tags["gold"]] == ["1", "2"]


def test_author_and_category_lists_are_replaced_in_place():
    class Generator:
        pass

    one, two = Release("1"), Release("2")
    generator = Generator()
    generator.tags = {}
    generator.authors = [("Issuer", [one, two])]
    generator.categories = [("releases", [two])]
    generator.context = {"authors": generator.authors, "categories": generator.categories}
    index_tag_members(generator)
    for name in ("authors", "categories"):
        assert generator.context[name] is getattr(generator, name)
        assert all(isinstance(releases, Members) for _, releases in generator.context[name])
    assert one in generator.authors[0][1] and one not in generator.categories[0][1]
