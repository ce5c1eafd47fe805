"""What a build writes: the page writer and its page keys, the write manifest, feeds, the grant and
milestone registers, tag pages, URLs, discovery files, and the swap of the new output into place.
"""
