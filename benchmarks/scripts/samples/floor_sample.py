"""The floor: a script that only imports pydantic and defines one model."""

from pydantic import BaseModel


class Job(BaseModel):
    name: str
    instance_count: int = 1


if __name__ == "__main__":
    print(Job(name="job-1").instance_count)
