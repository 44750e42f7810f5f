"""The generator's stages import only downwards (generator/__init__.py): core < read < text <
pages < kit < publish < the top-level modules (pipeline, cli, ...). A module may import from its
own stage and from the stages below it, never from one above."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
ORDER = ["core", "read", "text", "pages", "kit", "publish", ""]  # "": generator/*.py


def _stage(module: str) -> str:
    """generator.read.catalogue -> 'read'; generator.pipeline and generator itself -> ''."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and parts[1] in ORDER else ""


def _module(path: Path, package: Path) -> tuple[str, bool]:
    parts = list(path.relative_to(package.parent).with_suffix("").parts)
    is_package = parts[-1] == "__init__"
    return ".".join(parts[:-1] if is_package else parts), is_package


def _imported(node: ast.AST, module: str, is_package: bool) -> list[str]:
    """The generator modules one import statement names, as absolute names."""
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == "generator"]
    if not isinstance(node, ast.ImportFrom):
        return []
    if node.level == 0:
        base = node.module or ""
    else:
        package = module.split(".") if is_package else module.split(".")[:-1]
        package = package[:len(package) - (node.level - 1)]
        base = ".".join(package + ([node.module] if node.module else []))
    if base.split(".")[0] != "generator":
        return []
    # `from . import a, b` names modules: each counts by its own stage
    return [f"{base}.{a.name}" if node.module is None else base for a in node.names]


def _violations(package: Path = PACKAGE) -> list[str]:
    found = []
    for path in sorted(package.rglob("*.py")):
        module, is_package = _module(path, package)
        own = ORDER.index(_stage(module))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            for target in _imported(node, module, is_package):
                if ORDER.index(_stage(target)) > own:
                    found.append(f"{path.relative_to(package.parent)}:{node.lineno}: {module} "
                                 f"({_stage(module) or 'top level'}) imports {target} "
                                 f"({_stage(target) or 'top level'}), a higher stage")
    return found


def test_every_module_is_in_a_stage():
    folders = {p.parent.name for p in PACKAGE.rglob("*.py")} - {"generator"}
    assert folders <= set(ORDER), f"sub-packages outside the stage order: {folders - set(ORDER)}"


def test_stages_import_only_downwards():
    assert not _violations(), "\n".join(_violations())


def test_the_check_sees_an_upward_import(tmp_path):
    """The check itself: a core module importing a higher stage, relatively or absolutely, is caught."""
    (tmp_path / "generator" / "core").mkdir(parents=True)
    bad = tmp_path / "generator" / "core" / "bad.py"
    for source in ("from ..pages.page import Page\n", "from generator.pages import news\n",
                   "from .. import pipeline\n", "def f():\n    from ..read import catalogue\n"):
        bad.write_text(source, encoding="utf-8")
        assert len(_violations(tmp_path / "generator")) == 1, source
    bad.write_text("from . import errors\nfrom .errors import Problem\n", encoding="utf-8")
    assert _violations(tmp_path / "generator") == []
